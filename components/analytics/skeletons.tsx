/** Placeholders shaped like the widgets they stand in for, shown while a range loads. */
const pulse = 'animate-pulse rounded-md bg-gray-100';

export function KpiGridSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5" aria-hidden="true">
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
          <div className={`h-3 w-24 ${pulse}`} />
          <div className={`mt-2 h-7 w-20 ${pulse}`} />
          <div className={`mt-2 h-3 w-32 ${pulse}`} />
        </div>
      ))}
    </div>
  );
}

export function WidgetSkeleton({ title, className = '', height = 'h-72' }: { title?: string; className?: string; height?: string }) {
  return (
    <div className={`rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200 ${className}`} aria-hidden="true">
      {title ? <p className="text-sm font-semibold text-gray-300">{title}</p> : <div className={`h-4 w-40 ${pulse}`} />}
      <div className={`mt-4 ${height} ${pulse}`} />
    </div>
  );
}

/** The whole Overview grid, for loading.tsx and the page's Suspense fallback. */
export function DashboardSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading analytics">
      <KpiGridSkeleton />
      <div className="grid gap-6 xl:grid-cols-2">
        <WidgetSkeleton title="Conversations over time" />
        <WidgetSkeleton title="Messages and conversations per day" />
      </div>
      <WidgetSkeleton title="Peak hours" height="h-56" />
      <div className="grid gap-6 lg:grid-cols-2 xl:grid-cols-3">
        {['Message distribution', 'Tool usage', 'Devices', 'Sources', 'Languages', 'Countries'].map((title) => (
          <WidgetSkeleton key={title} title={title} height="h-44" />
        ))}
      </div>
      <span className="sr-only">Loading analytics…</span>
    </div>
  );
}
