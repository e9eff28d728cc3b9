import { GoalsSkeleton } from '@/components/goals/goals-skeleton';

export default function Loading() {
  return (
    <>
      <header className="border-b border-gray-200 bg-white px-8 py-6">
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Goals</h1>
        <div className="mt-2 h-4 w-72 animate-pulse rounded bg-gray-100" />
      </header>
      <div className="border-b border-gray-200 bg-white px-8 py-3">
        <div className="h-8 w-[28rem] animate-pulse rounded-md bg-gray-100" />
      </div>
      <div className="px-8 py-6">
        <GoalsSkeleton />
      </div>
    </>
  );
}
