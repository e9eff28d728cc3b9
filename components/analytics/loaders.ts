/**
 * The dashboard's one door to lib/analytics: turns URL filters into an AnalyticsFilter and memoises each
 * call per request (React cache), so a page can start a fetch early and the widget that draws it awaits
 * the same promise.
 */
import { cache } from 'react';
import { defaultGroupBy, getBreakdown, getEscalations, getOverviewPageData, getSentiment, getTimeSeries, resolveRange } from '@/lib/analytics';
import type { AnalyticsFilter, Granularity } from '@/lib/analytics/types';
import type { DashboardFilters } from './filters';

export type Scope = { workspaceId: string; timezone: string; filters: DashboardFilters };

export function toAnalyticsFilter({ timezone, filters }: Scope): AnalyticsFilter {
  const range = resolveRange(filters.period ? { period: filters.period } : { start: filters.start, end: filters.end }, timezone);
  return { range, avatarId: filters.avatarId };
}

// React cache compares arguments by identity, so the scope travels as a string key.
const keyOf = (scope: Scope) => JSON.stringify({ ...scope, filters: { ...scope.filters, groupBy: null } });
const scopeOf = (key: string) => JSON.parse(key) as Scope;

/** Everything the Overview draws except the over-time chart; the per-day chart uses lib's default buckets. */
const overviewCached = cache(async (key: string) => {
  const scope = scopeOf(key);
  return getOverviewPageData(scope.workspaceId, toAnalyticsFilter(scope));
});

const seriesCached = cache(async (key: string, groupBy: Granularity) => {
  const scope = scopeOf(key);
  return getTimeSeries(scope.workspaceId, toAnalyticsFilter(scope), groupBy);
});

const sentimentCached = cache(async (key: string) => {
  const scope = scopeOf(key);
  return getSentiment(scope.workspaceId, toAnalyticsFilter(scope), { limit: 10 });
});

const avatarBreakdownCached = cache(async (key: string) => {
  const scope = scopeOf(key);
  return getBreakdown(scope.workspaceId, toAnalyticsFilter(scope), 'avatar');
});

const escalationsCached = cache(async (key: string, groupBy: Granularity) => {
  const scope = scopeOf(key);
  return getEscalations(scope.workspaceId, toAnalyticsFilter(scope), { groupBy, limit: 8 });
});

export type OverviewData = Awaited<ReturnType<typeof overviewCached>>;

export const loadOverview = (scope: Scope) => overviewCached(keyOf(scope));
/** At the range's default granularity the series is the one the Overview's data already holds: one query less. */
export const loadTimeSeries = (scope: Scope) =>
  scope.filters.groupBy === defaultGroupBy(toAnalyticsFilter(scope)) ? loadOverview(scope).then((data) => data.timeSeries) : seriesCached(keyOf(scope), scope.filters.groupBy);
export const loadSentiment = (scope: Scope) => sentimentCached(keyOf(scope));
export const loadAvatarBreakdown = (scope: Scope) => avatarBreakdownCached(keyOf(scope));
export const loadEscalations = (scope: Scope) => escalationsCached(keyOf(scope), scope.filters.groupBy);
