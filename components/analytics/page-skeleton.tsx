/** loading.tsx of the analytics pages: the header and filter strip in outline, then the dashboard skeleton. */
import { FilterStripSkeleton, PageHeaderSkeleton } from '@/components/shell/page-header-skeleton';
import { DashboardSkeleton } from './skeletons';

export function PageSkeleton({ title }: { title: string }) {
  return (
    <>
      <PageHeaderSkeleton title={title} />
      <FilterStripSkeleton />
      <div className="px-8 py-6">
        <DashboardSkeleton />
      </div>
    </>
  );
}
