'use client';

import { DashboardError } from '@/components/analytics/dashboard-error';

export default function FunnelsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <DashboardError error={error} retry={retry} what="The funnels" />;
}
