/** Labels for time buckets: calendar dates (`YYYY-MM-DD`) as written, timestamps in the workspace timezone. */
import type { Granularity } from '@/lib/analytics/types';
import { dateTimeFormat } from '@/lib/format';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
function parts(date: string, timeZone: string): { when: Date; zone: string } {
  return DATE_ONLY.test(date) ? { when: new Date(`${date}T00:00:00Z`), zone: 'UTC' } : { when: new Date(date), zone: timeZone };
}

function format(date: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  const { when, zone } = parts(date, timeZone);
  if (Number.isNaN(when.getTime())) return date;
  return dateTimeFormat({ ...options, timeZone: zone }).format(when);
}

/** A short axis label: "14:00" (hour), "3 Mar" (day, week), "Mar 2025" (month). */
export function formatBucket(date: string, groupBy: Granularity, timeZone: string): string {
  switch (groupBy) {
    case 'hour':
      return format(date, timeZone, { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    case 'day':
      return format(date, timeZone, { day: 'numeric', month: 'short' });
    case 'week':
      return `Wk of ${format(date, timeZone, { day: 'numeric', month: 'short' })}`;
    case 'month':
      return format(date, timeZone, { month: 'short', year: 'numeric' });
  }
}

/** A calendar day for lists, e.g. "3 Mar 2025, 14:05". */
export function formatInstant(value: string | Date, timeZone: string): string {
  return dateTimeFormat({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(value));
}
