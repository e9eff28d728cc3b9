/**
 * Time buckets of a range in the workspace timezone: every bucket present, in order. Hour buckets are the
 * UTC hours of the range (local hours in whole-hour zones: a DST day has 23 or 25 of them); day, week
 * (Monday) and month buckets start at local midnight, and the first and last may be partial. A bucket's
 * `date` is its local start as ISO 8601 with offset, e.g. `2024-11-03T00:00:00-04:00`.
 */
import { ApiError } from '@/lib/api/errors';
import type { FactSums } from '@/db/queries/analytics-tiers';
import { FACT_COLUMNS } from '@/db/rollup-columns';
import type { RangePlan } from './plan';
import type { Granularity } from './types';
import { addDays, addHours, isoLocal, localDate, mondayOf, monthOf, startOfLocalDay } from './timezone';

export const MAX_HOUR_BUCKETS = 2000;

export type Bucket = { key: string; date: string };

/** The bucket a local day falls in. */
export function bucketKeyOfDay(day: string, groupBy: Exclude<Granularity, 'hour'>): string {
  return groupBy === 'day' ? day : groupBy === 'week' ? mondayOf(day) : monthOf(day);
}

export function timeBuckets(plan: RangePlan, groupBy: Granularity): Bucket[] {
  const tz = plan.workspaceTimezone;
  const hours = Math.round((plan.hourEnd.getTime() - plan.hourStart.getTime()) / 3_600_000);
  if (hours <= 0) return [];
  if (groupBy === 'hour') {
    if (hours > MAX_HOUR_BUCKETS) {
      throw new ApiError(422, 'validation_error', 'Too many hour buckets', [
        { path: 'groupBy', message: `groupBy=hour allows at most ${MAX_HOUR_BUCKETS} hours; choose day, week or month` },
      ]);
    }
    return Array.from({ length: hours }, (_, i) => {
      const hour = addHours(plan.hourStart, i);
      return { key: hour.toISOString(), date: isoLocal(hour, tz) };
    });
  }
  const last = localDate(addHours(plan.hourEnd, -1), tz);
  const buckets: Bucket[] = [];
  for (let day = localDate(plan.hourStart, tz); day <= last; day = addDays(day, 1)) {
    const key = bucketKeyOfDay(day, groupBy);
    if (buckets.at(-1)?.key !== key) buckets.push({ key, date: isoLocal(startOfLocalDay(key, tz), tz) });
  }
  return buckets;
}

export function addSums(into: FactSums | undefined, add: FactSums): FactSums {
  if (!into) return { ...add };
  for (const column of FACT_COLUMNS) into[column] += add[column];
  return into;
}
