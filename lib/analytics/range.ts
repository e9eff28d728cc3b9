/**
 * Date ranges of the analytics API and dashboard (DESIGN §3), resolved in the workspace timezone.
 *
 * - `period=Nh`: the last N whole hours, the current hour included: [start of this hour + 1h − N h, …).
 * - `period=Nd` / `Nw`: the last N (or 7·N) local calendar days, today included: from local midnight
 *   N−1 days ago to local midnight tomorrow (nothing is stored after now, so this ends "now").
 * - `start`/`end` (`YYYY-MM-DD`, end inclusive): local midnight of start to local midnight after end.
 * Every range therefore starts and ends on an hour boundary (in zones with whole-hour offsets), which the
 * hourly rollups count exactly; see plan.ts for zones with fractional offsets.
 */
import { ApiError } from '@/lib/api/errors';
import type { AnalyticsRange } from './types';
import { addDays, addHours, daysBetween, floorHour, isValidTimeZone, localDate, startOfLocalDay } from './timezone';

/** The longest range, in days (the dashboard's custom range allows two years). */
export const MAX_RANGE_DAYS = 731;
export const DEFAULT_PERIOD = '30d';

export type RangeParams = { period?: string | null; start?: string | null; end?: string | null };

const PERIOD = /^(\d{1,5})([hdw])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(path: string, message: string): ApiError {
  return new ApiError(422, 'validation_error', `Invalid ${path}: ${message}`, [{ path, message }]);
}

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The workspace timezone, or UTC when the stored one is not a known IANA zone. */
export function safeTimeZone(timeZone: string | null | undefined): string {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

function daysRange(first: string, last: string, timezone: string): AnalyticsRange {
  return { start: startOfLocalDay(first, timezone), end: startOfLocalDay(addDays(last, 1), timezone), timezone };
}

/** Throws a 422 ApiError whose `details` name the offending parameter. */
export function resolveRange(params: RangeParams, timeZone: string, now: Date = new Date()): AnalyticsRange {
  const timezone = safeTimeZone(timeZone);
  const { period, start, end } = params;
  if (start || end) {
    if (period) throw invalid('period', 'Give either period or start/end, not both');
    if (!start) throw invalid('start', 'start is required with end');
    if (!end) throw invalid('end', 'end is required with start');
    if (!isRealDate(start)) throw invalid('start', 'Use a date as YYYY-MM-DD');
    if (!isRealDate(end)) throw invalid('end', 'Use a date as YYYY-MM-DD');
    const days = daysBetween(start, end) + 1;
    if (days < 1) throw invalid('end', 'end must be on or after start');
    if (days > MAX_RANGE_DAYS) throw invalid('end', `The range may span at most ${MAX_RANGE_DAYS} days`);
    return daysRange(start, end, timezone);
  }
  const match = PERIOD.exec(period ?? DEFAULT_PERIOD);
  if (!match) throw invalid('period', 'Use Nh, Nd or Nw, e.g. 24h, 30d or 4w');
  const n = Number(match[1]);
  const days = match[2] === 'h' ? n / 24 : match[2] === 'd' ? n : n * 7;
  if (n < 1) throw invalid('period', 'N must be at least 1');
  if (days > MAX_RANGE_DAYS) throw invalid('period', `The period may span at most ${MAX_RANGE_DAYS} days`);
  if (match[2] === 'h') {
    const rangeEnd = addHours(floorHour(now), 1);
    return { start: addHours(rangeEnd, -n), end: rangeEnd, timezone };
  }
  const today = localDate(now, timezone);
  return daysRange(addDays(today, 1 - days), today, timezone);
}

/** True when the range starts and ends at the start of a local day. */
export function isDayAligned(range: AnalyticsRange): boolean {
  const first = localDate(range.start, range.timezone);
  const next = localDate(range.end, range.timezone);
  return (
    startOfLocalDay(first, range.timezone).getTime() === range.start.getTime() &&
    startOfLocalDay(next, range.timezone).getTime() === range.end.getTime()
  );
}

/**
 * The period of equal length just before `range`: the same number of local days for day ranges (so a
 * week is compared with the week before even across a DST change), else the same number of hours.
 */
export function previousRange(range: AnalyticsRange): AnalyticsRange {
  if (isDayAligned(range)) {
    const first = localDate(range.start, range.timezone);
    const days = daysBetween(first, localDate(range.end, range.timezone));
    return daysRange(addDays(first, -days), addDays(first, -1), range.timezone);
  }
  const length = range.end.getTime() - range.start.getTime();
  return { start: new Date(range.start.getTime() - length), end: range.start, timezone: range.timezone };
}

/** A range as the API reports it: `{ start, end, timezone }` with ISO instants, end exclusive. */
export function periodJson(range: AnalyticsRange): { start: string; end: string; timezone: string } {
  return { start: range.start.toISOString(), end: range.end.toISOString(), timezone: range.timezone };
}
