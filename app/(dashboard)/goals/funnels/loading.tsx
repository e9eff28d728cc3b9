import { FunnelReportSkeleton } from '@/components/funnels/funnel-report-card';
import { PageHeaderSkeleton } from '@/components/shell/page-header-skeleton';

export default function Loading() {
  return (
    <>
      <PageHeaderSkeleton title="Funnels" />
      <div className="grid gap-6 px-8 py-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <div className="h-40 animate-pulse rounded-xl bg-white ring-1 ring-gray-200" />
        <FunnelReportSkeleton />
      </div>
    </>
  );
}
