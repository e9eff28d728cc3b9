/** Placeholders shaped like goal cards, while a range loads. */
const pulse = 'animate-pulse rounded-md bg-gray-100';

export function GoalsSkeleton({ count = 2 }: { count?: number }) {
  return (
    <div className="space-y-6" role="status" aria-label="Loading goals">
      <div className={`h-16 ${pulse}`} />
      {Array.from({ length: Math.max(1, Math.min(count, 3)) }, (_, i) => (
        <div key={i} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200" aria-hidden="true">
          <div className={`h-5 w-48 ${pulse}`} />
          <div className={`mt-2 h-4 w-80 ${pulse}`} />
          <div className="mt-5 grid gap-6 xl:grid-cols-4">
            <div className={`h-56 ${pulse}`} />
            <div className={`h-56 xl:col-span-3 ${pulse}`} />
          </div>
        </div>
      ))}
      <span className="sr-only">Loading goals…</span>
    </div>
  );
}
