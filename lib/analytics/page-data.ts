/**
 * Everything the Overview page draws, in one call: the page and the benchmark use this same function, so
 * the benchmark measures what a user waits for.
 */
import { avatarBreakdown, BREAKDOWN_DIMENSIONS, getDimensionBreakdowns, getToolUsage } from './breakdowns';
import { getOverview, getOverviewAndAvatars, type OverviewComparison } from './overview';
import { previousRange } from './range';
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

const VALUE_DIMENSIONS = BREAKDOWN_DIMENSIONS.filter((d): d is Exclude<BreakdownDimension, 'avatar'> => d !== 'avatar');

/**
 * Nine reads in parallel, none reading the same rollup rows twice: the current period's per-avatar sums give
 * its headline figures, top avatars and the avatar breakdown; all value dimensions come from one read.
 */
export async function getOverviewPageData(
  workspaceId: string,
  filter: AnalyticsFilter,
  groupBy: Granularity = defaultGroupBy(filter),
): Promise<OverviewPageData> {
  const before = previousRange(filter.range);
  const currentWithAvatars = getOverviewAndAvatars(workspaceId, filter);
  const conversations = currentWithAvatars.then(({ overview }) => overview.conversations);
  const [current, previous, timeSeries, peakHours, tools, valueBreakdowns] = await Promise.all([
    currentWithAvatars,
    getOverview(workspaceId, { ...filter, range: before }),
    getTimeSeries(workspaceId, filter, groupBy),
    getPeakHours(workspaceId, filter),
    getToolUsage(workspaceId, filter),
    getDimensionBreakdowns(workspaceId, filter, VALUE_DIMENSIONS, conversations),
  ]);
  const breakdowns = Object.fromEntries([...valueBreakdowns, avatarBreakdown(current.avatars)].map((b) => [b.dimension, b])) as Record<BreakdownDimension, Breakdown>;
  return { overview: { current: current.overview, previous, previousRange: before }, timeSeries, peakHours, breakdowns, tools };
}

/** The name the benchmark knows it by. */
export const benchOverviewData = getOverviewPageData;
