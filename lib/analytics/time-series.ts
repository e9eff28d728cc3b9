/** Conversations and messages over time, and messages by weekday and hour, in the workspace timezone. */
import { messagesByWeekdayHour, sumFactsByDay, sumFactsByHour } from '@/db/queries/analytics-facts';
import type { FactSums } from '@/db/queries/analytics-tiers';
import { addSums, bucketKeyOfDay, timeBuckets, type Bucket } from './buckets';
import { bucketMetrics } from './overview';
import { planRange, type RangePlan } from './plan';
import type { AnalyticsFilter, Granularity, PeakHours, TimeSeries } from './types';

/** The rollup sums of each bucket (absent when the bucket has no rows). */
export async function sumsByBucket(
  workspaceId: string,
  plan: RangePlan,
  avatarId: string | null | undefined,
  groupBy: Granularity,
): Promise<{ buckets: Bucket[]; sums: Map<string, FactSums> }> {
  const buckets = timeBuckets(plan, groupBy);
  const sums = new Map<string, FactSums>();
  if (groupBy === 'hour') {
    for (const row of await sumFactsByHour(workspaceId, plan, avatarId)) sums.set(row.bucket.toISOString(), row);
  } else {
    for (const row of await sumFactsByDay(workspaceId, plan, avatarId)) {
      const key = bucketKeyOfDay(row.day, groupBy);
      sums.set(key, addSums(sums.get(key), row));
    }
  }
  return { buckets, sums };
}

/** The default granularity for a range: hours up to two days, else days. */
export function defaultGroupBy(filter: AnalyticsFilter): Granularity {
  return filter.range.end.getTime() - filter.range.start.getTime() <= 48 * 3_600_000 ? 'hour' : 'day';
}

export async function getTimeSeries(workspaceId: string, filter: AnalyticsFilter, groupBy: Granularity = defaultGroupBy(filter)): Promise<TimeSeries> {
  const { buckets, sums } = await sumsByBucket(workspaceId, planRange(filter.range), filter.avatarId, groupBy);
  return { groupBy, timezone: filter.range.timezone, data: buckets.map((b) => bucketMetrics(b.date, sums.get(b.key))) };
}

/** All 7 × 24 cells, weekday 0 = Monday, zero where there were no messages. */
export async function getPeakHours(workspaceId: string, filter: AnalyticsFilter): Promise<PeakHours> {
  const rows = await messagesByWeekdayHour(workspaceId, planRange(filter.range), filter.avatarId);
  const counts = new Map(rows.map((r) => [r.weekday * 24 + r.hour, r.messages]));
  const data = Array.from({ length: 7 * 24 }, (_, i) => ({ weekday: Math.floor(i / 24), hour: i % 24, messages: counts.get(i) ?? 0 }));
  return { timezone: filter.range.timezone, data };
}
