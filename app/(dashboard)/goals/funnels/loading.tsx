import { FunnelReportSkeleton } from '@/components/funnels/funnel-report-card';

export default function Loading() {
  return (
    <>
      <header className="border-b border-gray-200 bg-white px-8 py-6">
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Funnels</h1>
        <div className="mt-2 h-4 w-72 animate-pulse rounded bg-gray-100" />
      </header>
      <div className="grid gap-6 px-8 py-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <div className="h-40 animate-pulse rounded-xl bg-white ring-1 ring-gray-200" />
        <FunnelReportSkeleton />
      </div>
    </>
  );
}
