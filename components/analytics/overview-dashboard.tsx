/** The Overview dashboard for a scope (a range, maybe one avatar): KPIs, charts and breakdowns, streamed behind skeletons. */
import { Suspense } from 'react';
import { filtersKey } from './filters';
import { formatBucket } from './format-bucket';
import { ConversationsChart } from './conversations-chart';
import { GranularityToggle } from './granularity-toggle';
import { KpiGrid } from './kpi-grid';
import { EscalationsSection } from './escalations-section';
import { loadEscalations, loadOverview, loadTimeSeries, toAnalyticsFilter, type Scope } from './loaders';
import { BreakdownCards, DailyVolumeCard, DevicesCard, MessageDistributionCard, PeakHoursCard, ToolUsageCard, TopAvatarsCard } from './overview-cards';
import { comparisonLabel } from './range-label';
import { DashboardSkeleton, WidgetSkeleton } from './skeletons';
import { EmptyWidget, WidgetCard } from './widget-card';
import { WorldMapCard } from './world-map-card';

type Props = { scope: Scope; showTopAvatars: boolean };

export function OverviewDashboard(props: Props) {
  // Start the data and the over-time series now, so they load alongside the rest instead of after it.
  loadOverview(props.scope).catch(() => undefined);
  loadTimeSeries(props.scope).catch(() => undefined);
  loadEscalations(props.scope).catch(() => undefined);
  return (
    <Suspense key={filtersKey(props.scope.filters)} fallback={<DashboardSkeleton />}>
      <OverviewBody {...props} />
    </Suspense>
  );
}

async function OverviewBody({ scope, showTopAvatars }: Props) {
  const data = await loadOverview(scope);
  const { current, previous } = data.overview;
  const { filters, timezone } = scope;
  const side = showTopAvatars ? <TopAvatarsCard current={current} filters={filters} /> : <MessageDistributionCard current={current} />;
  return (
    <div className="space-y-6">
      <KpiGrid current={current} previous={previous} comparedTo={comparisonLabel(filters, data.overview.previousRange)} />
      <div className="grid gap-6 xl:grid-cols-3">
        <WidgetCard title="Conversations over time" description={`Per ${filters.groupBy}, ${timezone}`} className="xl:col-span-2" actions={<GranularityToggle filters={filters} />}>
          <Suspense key={filters.groupBy} fallback={<div className="h-72 animate-pulse rounded-md bg-gray-100" aria-label="Loading chart" />}>
            <ConversationsOverTime scope={scope} />
          </Suspense>
        </WidgetCard>
        {side}
      </div>
      <div className="grid gap-6 xl:grid-cols-3">
        <DailyVolumeCard current={current} series={data.timeSeries} className="xl:col-span-2" />
        {showTopAvatars ? <MessageDistributionCard current={current} /> : <DevicesCard device={data.breakdowns.device} />}
      </div>
      <PeakHoursCard peak={data.peakHours} />
      <div className="grid gap-6 xl:grid-cols-3">
        <ToolUsageCard tools={data.tools} className={showTopAvatars ? 'xl:col-span-2' : 'xl:col-span-3'} />
        {showTopAvatars ? <DevicesCard device={data.breakdowns.device} /> : null}
      </div>
      <Suspense fallback={<WidgetSkeleton title="Escalations" height="h-64" />}>
        <EscalationsSection scope={scope} escalationRate={current.escalationRate} />
      </Suspense>
      <WorldMapCard country={data.breakdowns.country} filters={filters} range={toAnalyticsFilter(scope).range} />
      <BreakdownCards source={data.breakdowns.source} language={data.breakdowns.language} country={data.breakdowns.country} />
    </div>
  );
}

async function ConversationsOverTime({ scope }: { scope: Scope }) {
  const series = await loadTimeSeries(scope);
  const rows = series.data.map((b) => ({ label: formatBucket(b.date, series.groupBy, series.timezone), Conversations: b.conversations, 'Unique interactions': b.uniqueInteractions }));
  if (rows.every((r) => r.Conversations === 0)) return <EmptyWidget className="h-72">No conversations in this range.</EmptyWidget>;
  const busiest = rows.reduce((a, b) => (b.Conversations > a.Conversations ? b : a));
  return (
    <>
      <p className="sr-only">
        Busiest {series.groupBy}: {busiest.label}, {busiest.Conversations} conversations.
      </p>
      <ConversationsChart rows={rows} />
    </>
  );
}
