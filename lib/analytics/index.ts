/** lib/analytics: every metric of DESIGN §3, computed from the rollup tables (see plan.ts for how). */
export { getBreakdown, getToolUsage, BREAKDOWN_DIMENSIONS, UNKNOWN } from './breakdowns';
export { getEscalationReasons, getEscalations, PHRASE_SAMPLE } from './escalations';
export { resolveFilter } from './filter';
export { getOverview, getOverviewWithComparison, type OverviewComparison } from './overview';
export { getOverviewPageData, benchOverviewData, type OverviewPageData } from './page-data';
export { planRange, type RangePlan } from './plan';
export { resolveRange, previousRange, isDayAligned, periodJson, MAX_RANGE_DAYS, DEFAULT_PERIOD, type RangeParams } from './range';
export { getSentiment, type SentimentResult } from './sentiment';
export { getTimeSeries, getPeakHours, defaultGroupBy } from './time-series';
export type * from './types';
