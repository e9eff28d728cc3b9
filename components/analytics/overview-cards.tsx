/** The Overview's widgets, each drawn from plain analytics rows (no fetching here). */
import type { Breakdown, OverviewMetrics, PeakHours, TimeSeries, ToolUsage } from '@/lib/analytics/types';
import { DonutBreakdown } from './donut-breakdown';
import { filtersToQuery, type DashboardFilters } from './filters';
import { formatBucket } from './format-bucket';
import { MessagesConversationsChart } from './messages-conversations-chart';
import { PeakHoursHeatmap } from './peak-hours-heatmap';
import { flagEmoji, ShareList, type ShareRow } from './share-list';
import { ToolUsageTable } from './tool-usage-table';
import { EmptyWidget, WidgetCard } from './widget-card';

function shareRows(breakdown: Breakdown, prefix?: (value: string) => string): ShareRow[] {
  return breakdown.data.map((d) => ({ key: d.value, label: d.label || d.value, value: d.conversations, share: d.share, prefix: prefix?.(d.value) }));
}

/** Messages next to conversations per bucket: per day, or per hour for ranges of two days or less. */
export function DailyVolumeCard({ current, series, className }: { current: OverviewMetrics; series: TimeSeries; className?: string }) {
  const rows = series.data.map((b) => ({ label: formatBucket(b.date, series.groupBy, series.timezone), Messages: b.messages, Conversations: b.conversations }));
  const perConversation = current.conversations > 0 ? current.messages / current.conversations : null;
  const description = perConversation !== null ? `${perConversation.toFixed(1)} messages per conversation on average` : undefined;
  return (
    <WidgetCard title={`Messages and conversations per ${series.groupBy}`} description={description} className={className}>
      {rows.every((r) => r.Messages + r.Conversations === 0) ? <EmptyWidget className="h-72">No messages in this range.</EmptyWidget> : <MessagesConversationsChart rows={rows} />}
    </WidgetCard>
  );
}

export function MessageDistributionCard({ current }: { current: OverviewMetrics }) {
  const system = Math.max(0, current.messages - current.userMessages - current.assistantMessages);
  const slices = [
    { name: 'User', value: current.userMessages },
    { name: 'Assistant', value: current.assistantMessages },
    ...(system > 0 ? [{ name: 'System', value: system }] : []),
  ];
  return (
    <WidgetCard title="Message distribution" description="User vs assistant messages">
      {current.messages === 0 ? <EmptyWidget>No messages in this range.</EmptyWidget> : <DonutBreakdown slices={slices} label="messages" />}
    </WidgetCard>
  );
}

export function TopAvatarsCard({ current, filters }: { current: OverviewMetrics; filters: DashboardFilters }) {
  const total = current.conversations || 1;
  const query = filtersToQuery({ ...filters, avatarId: null });
  const rows: ShareRow[] = current.topAvatars.map((a) => ({ key: a.id, label: a.name, value: a.conversations, share: a.conversations / total, href: `/avatars/${encodeURIComponent(a.id)}${query}` }));
  return (
    <WidgetCard title="Top avatars" description="By conversations in this range">
      <ShareList rows={rows} empty="No avatar had a conversation in this range." limit={7} />
    </WidgetCard>
  );
}

export function DevicesCard({ device }: { device: Breakdown }) {
  const slices = device.data.filter((d) => d.conversations > 0).map((d) => ({ name: d.label || d.value, value: d.conversations }));
  return (
    <WidgetCard title="Devices" description="Conversations by device">
      {slices.length === 0 ? <EmptyWidget>No device information in this range.</EmptyWidget> : <DonutBreakdown slices={slices} label="conversations" />}
    </WidgetCard>
  );
}

export function PeakHoursCard({ peak }: { peak: PeakHours }) {
  return (
    <WidgetCard title="Peak hours" description={`Messages by weekday and hour (${peak.timezone})`}>
      <PeakHoursHeatmap peak={peak} />
    </WidgetCard>
  );
}

export function ToolUsageCard({ tools, className }: { tools: ToolUsage; className?: string }) {
  return (
    <WidgetCard title="Tool usage" description="Calls and average duration per tool" className={className}>
      <ToolUsageTable usage={tools} />
    </WidgetCard>
  );
}

export function BreakdownCards({ source, language, country }: { source: Breakdown; language: Breakdown; country: Breakdown }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2 xl:grid-cols-3">
      <WidgetCard title="Sources" description="Channel that started the conversation">
        <ShareList rows={shareRows(source)} empty="No sources in this range." />
      </WidgetCard>
      <WidgetCard title="Languages" description="Given, or detected from user messages">
        <ShareList rows={shareRows(language)} empty="No languages in this range." />
      </WidgetCard>
      <WidgetCard title="Countries" description="Where conversations come from (customer IP)">
        <ShareList rows={shareRows(country, flagEmoji)} empty="No countries in this range." />
      </WidgetCard>
    </div>
  );
}
