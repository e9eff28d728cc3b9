import { PageSkeleton } from '@/components/analytics/page-skeleton';

export default function Loading() {
  return <PageSkeleton title="Overview" />;
}
