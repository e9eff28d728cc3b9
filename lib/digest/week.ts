/**
 * When a workspace's digest is due. A digest goes out on Monday at 09:00 in the workspace timezone and covers
 * the seven local days before that Monday (Monday 00:00 to Sunday 24:00 local, so its figures match the
 * Overview's for those dates). A digest not sent within DIGEST_SEND_WINDOW_HOURS of its time is skipped rather
 * than sent days late; the week is named by the local date of its first Monday.
 */
import { addDays, localDate, mondayOf, offsetAt, startOfLocalDay } from '@/lib/analytics/timezone';
import type { AnalyticsRange } from '@/lib/analytics/types';

export const DIGEST_SEND_HOUR = 9;
export const DIGEST_SEND_WINDOW_HOURS = 24;

export type DigestWeek = {
  /** The local Monday the covered week starts, `YYYY-MM-DD`: the key of a sent digest. */
  weekStart: string;
  /** The seven covered local days. */
  range: AnalyticsRange;
  /** The instant the digest is due: the following Monday, 09:00 local. */
  sendAt: Date;
};

/** The instant of a wall-clock time on a local date (09:00 never falls in a DST gap in practice). */
function localTime(date: string, hour: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000;
  let instant = wall - offsetAt(new Date(wall), timeZone);
  instant = wall - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}

/** The week that starts on the local Monday `weekStart`. */
export function digestWeekStarting(weekStart: string, timeZone: string): DigestWeek {
  const next = addDays(weekStart, 7);
  return {
    weekStart,
    range: { start: startOfLocalDay(weekStart, timeZone), end: startOfLocalDay(next, timeZone), timezone: timeZone },
    sendAt: localTime(next, DIGEST_SEND_HOUR, timeZone),
  };
}

/** The latest week whose digest time has come at `at` (it may be long past: see dueDigestWeek). */
export function latestDigestWeek(at: Date, timeZone: string): DigestWeek {
  const thisMonday = mondayOf(localDate(at, timeZone));
  const week = digestWeekStarting(addDays(thisMonday, -7), timeZone);
  return week.sendAt.getTime() <= at.getTime() ? week : digestWeekStarting(addDays(thisMonday, -14), timeZone);
}

/** The week whose digest should go out at `at`, or null outside the send window. */
export function dueDigestWeek(at: Date, timeZone: string): DigestWeek | null {
  const week = latestDigestWeek(at, timeZone);
  return at.getTime() - week.sendAt.getTime() < DIGEST_SEND_WINDOW_HOURS * 3_600_000 ? week : null;
}
