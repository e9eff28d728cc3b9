'use client';

import { DashboardError } from '@/components/analytics/dashboard-error';

export default function AvatarsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <DashboardError error={error} retry={retry} what="The avatars" />;
}
