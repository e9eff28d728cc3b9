/**
 * How a range is read from the two rollup tiers: whole local days from the daily tables, and the hours
 * at either edge that do not fill a local day from the hourly tables.
 *
 * Counting rule: the rollups are per UTC hour, and an hour counts in a range (or a bucket) when the hour
 * STARTS inside it. In zones with whole-hour offsets every range and bucket boundary is an hour boundary,
 * so this is exact. In zones with fractional offsets (Asia/Kolkata +05:30, Asia/Kathmandu +05:45,
 * Australia/Adelaide +09:30, America/St_Johns −03:30 …) local boundaries fall inside a UTC hour, and that
 * hour is counted entirely on the later side: a Kolkata "day" then runs 00:30–00:30 local time.
 * Raw-table reads (unique users at the edges, most negative conversations) follow the same rule.
 */
import type { AnalyticsRange } from './types';
import { addDays, ceilHour, localDate, startOfLocalDay } from './timezone';

export type HourSpan = { start: Date; end: Date };

export type RangePlan = {
  workspaceTimezone: string;
  /** The UTC hours counted: [hourStart, hourEnd). */
  hourStart: Date;
  hourEnd: Date;
  /** Local days fully inside the range, read from the daily tier; null when there are none. */
  days: { first: string; last: string; hourStart: Date; hourEnd: Date } | null;
  /** UTC hours of the range outside `days` (0, 1 or 2 spans), read from the hourly tier. */
  hourSpans: HourSpan[];
};

/** The UTC hour at which local day `date` begins in the rollups. */
export const dayHourStart = (date: string, timeZone: string) => ceilHour(startOfLocalDay(date, timeZone));

export function planRange(range: AnalyticsRange): RangePlan {
  const tz = range.timezone;
  const hourStart = ceilHour(range.start);
  const hourEnd = ceilHour(range.end);
  const startDay = localDate(range.start, tz);
  const first = startOfLocalDay(startDay, tz).getTime() === range.start.getTime() ? startDay : addDays(startDay, 1);
  const last = addDays(localDate(range.end, tz), -1);
  const spans = (list: HourSpan[]) => list.filter((s) => s.end.getTime() > s.start.getTime());
  if (first > last || hourEnd <= hourStart) {
    return { workspaceTimezone: tz, hourStart, hourEnd, days: null, hourSpans: spans([{ start: hourStart, end: hourEnd }]) };
  }
  const days = { first, last, hourStart: dayHourStart(first, tz), hourEnd: dayHourStart(addDays(last, 1), tz) };
  const hourSpans = spans([
    { start: hourStart, end: days.hourStart },
    { start: days.hourEnd, end: hourEnd },
  ]);
  return { workspaceTimezone: tz, hourStart, hourEnd, days, hourSpans };
}
