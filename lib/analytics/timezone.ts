/**
 * Calendar arithmetic in an IANA timezone with Intl only: local dates of instants, and the instant a
 * local day starts (correct across DST changes, including zones whose clocks skip midnight).
 * Local dates are `YYYY-MM-DD` strings; date arithmetic on them is done in UTC, where days have 24 hours.
 */
import { boundedCache } from '@/lib/bounded-cache';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall clocks already computed (formatToParts costs several µs; a render asks for the same instants often). */
const wallClocks = boundedCache<string, number>(20_000);

/** The wall-clock time at `instant` in `timeZone`, as milliseconds of a UTC date with the same fields. */
function wallClock(instant: Date, timeZone: string): number {
  return wallClocks(`${timeZone} ${instant.getTime()}`, () => {
    const p: Record<string, number> = {};
    for (const part of formatter(timeZone).formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  });
}

/** UTC offset of `timeZone` at `instant`, in milliseconds (local = UTC + offset). */
export function offsetAt(instant: Date, timeZone: string): number {
  return wallClock(instant, timeZone) - Math.floor(instant.getTime() / 1000) * 1000;
}

export function toDateString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const dateMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The local date (`YYYY-MM-DD`) of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return toDateString(wallClock(instant, timeZone));
}

export function addDays(date: string, days: number): string {
  return toDateString(dateMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY_MS);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(dateMs(date)).getUTCDay() + 6) % 7;
}

export const mondayOf = (date: string) => addDays(date, -weekdayOf(date));
export const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

/**
 * The first instant whose local date is `date`. Usually local midnight; where the clocks skip midnight
 * it is the moment of the change; where midnight happens twice it is the first of the two.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const wall = dateMs(date);
  const offsets = new Set([wall - 36 * HOUR_MS, wall, wall + 36 * HOUR_MS].map((t) => offsetAt(new Date(t), timeZone)));
  const exact = [...offsets].map((o) => wall - o).filter((t) => wallClock(new Date(t), timeZone) === wall);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // Midnight does not exist that day: the day starts when the clocks jump, i.e. midnight at the old offset.
  return new Date(wall - offsetAt(new Date(wall - 36 * HOUR_MS), timeZone));
}

export const floorHour = (t: Date) => new Date(Math.floor(t.getTime() / HOUR_MS) * HOUR_MS);
export const ceilHour = (t: Date) => new Date(Math.ceil(t.getTime() / HOUR_MS) * HOUR_MS);
export const addHours = (t: Date, hours: number) => new Date(t.getTime() + hours * HOUR_MS);

/** ISO 8601 local time with offset, e.g. `2024-11-03T01:00:00-05:00`. */
export function isoLocal(instant: Date, timeZone: string): string {
  const offset = offsetAt(instant, timeZone);
  const wall = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset).toISOString().slice(0, 19);
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
