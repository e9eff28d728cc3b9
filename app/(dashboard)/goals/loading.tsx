import { GoalsSkeleton } from '@/components/goals/goals-skeleton';
import { FilterStripSkeleton, PageHeaderSkeleton } from '@/components/shell/page-header-skeleton';

export default function Loading() {
  return (
    <>
      <PageHeaderSkeleton title="Goals" />
      <FilterStripSkeleton />
      <div className="px-8 py-6">
        <GoalsSkeleton />
      </div>
    </>
  );
}
