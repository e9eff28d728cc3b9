/**
 * Everything the Overview page draws, in one call: the page and the benchmark use this same function, so
 * the benchmark measures what a user waits for.
 */
import { BREAKDOWN_DIMENSIONS, getBreakdown, getToolUsage } from './breakdowns';
import { getOverviewWithComparison, type OverviewComparison } from './overview';
import { defaultGroupBy, getPeakHours, getTimeSeries } from './time-series';
import type { AnalyticsFilter, Breakdown, BreakdownDimension, Granularity, PeakHours, TimeSeries, ToolUsage } from './types';

export type OverviewPageData = {
  /** current and previous period; `current.topAvatars` are the top avatars. */
  overview: OverviewComparison;
  timeSeries: TimeSeries;
  peakHours: PeakHours;
  breakdowns: Record<BreakdownDimension, Breakdown>;
  tools: ToolUsage;
};

export async function getOverviewPageData(
  workspaceId: string,
  filter: AnalyticsFilter,
  groupBy: Granularity = defaultGroupBy(filter),
): Promise<OverviewPageData> {
  const [overview, timeSeries, peakHours, tools, ...breakdowns] = await Promise.all([
    getOverviewWithComparison(workspaceId, filter),
    getTimeSeries(workspaceId, filter, groupBy),
    getPeakHours(workspaceId, filter),
    getToolUsage(workspaceId, filter),
    ...BREAKDOWN_DIMENSIONS.map((dimension) => getBreakdown(workspaceId, filter, dimension)),
  ]);
  const byDimension = Object.fromEntries(breakdowns.map((b) => [b.dimension, b])) as Record<BreakdownDimension, Breakdown>;
  return { overview, timeSeries, peakHours, breakdowns: byDimension, tools };
}

/** The name the benchmark knows it by. */
export const benchOverviewData = getOverviewPageData;
