/** The selected funnel's figures for the URL's range and avatar, read on the server and drawn as a bar funnel. */
import { toAnalyticsFilter, type Scope } from '@/components/analytics/loaders';
import { EmptyWidget, WidgetCard } from '@/components/analytics/widget-card';
import { getFunnelReport } from '@/lib/funnels/report';
import type { Funnel } from '@/lib/funnels/service';
import { FunnelChart, FunnelSummary } from './funnel-chart';

type Props = { scope: Scope; funnel: Funnel; avatarName: string | null; goalNames: ReadonlyMap<string, string> };

export async function FunnelReportCard({ scope, funnel, avatarName, goalNames }: Props) {
  const report = await getFunnelReport(scope.workspaceId, funnel, toAnalyticsFilter(scope), goalNames);
  const who = avatarName ? `${avatarName}’s conversations` : 'conversations';
  return (
    <WidgetCard title={funnel.name} description={`How many ${who} that started in this range reached each step, in order.`}>
      {report.steps[0].conversations === 0 ? (
        <EmptyWidget className="h-48">No conversation in this range reached step 1 ({report.steps[0].label}). Try a longer range or another avatar.</EmptyWidget>
      ) : (
        <div className="space-y-6">
          <FunnelSummary steps={report.steps} />
          <FunnelChart steps={report.steps} />
        </div>
      )}
    </WidgetCard>
  );
}

export function FunnelReportSkeleton() {
  return (
    <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200" role="status" aria-label="Loading funnel">
      <div className="h-4 w-48 animate-pulse rounded bg-gray-100" />
      <div className="mt-6 grid gap-4 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg bg-gray-100" />
        ))}
      </div>
      <div className="mt-6 space-y-4">
        {[100, 80, 55, 30].map((w) => (
          <div key={w} className="h-9 animate-pulse rounded-md bg-gray-100" style={{ width: `${w}%` }} />
        ))}
      </div>
    </div>
  );
}
