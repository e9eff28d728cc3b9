/** Sentences about the selected range: what it covers, and what the KPI changes compare against. */
import type { AnalyticsRange } from '@/lib/analytics/types';
import { daysInclusive, type DashboardFilters } from './filters';
import { dateTimeFormat } from '@/lib/format';

const PERIOD_WORDS = { '24h': '24 hours', '7d': '7 days', '30d': '30 days', '90d': '90 days' } as const;

function day(date: Date, timeZone: string, withYear: boolean): string {
  return dateTimeFormat({ day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone }).format(date);
}

/** e.g. "Last 30 days · 3 Feb – 4 Mar 2025" or "1 Mar – 31 Mar 2025". */
export function describeRange(filters: DashboardFilters, range: AnalyticsRange): string {
  const lastInstant = new Date(range.end.getTime() - 1);
  const span = `${day(range.start, range.timezone, false)} – ${day(lastInstant, range.timezone, true)}`;
  if (filters.period === '24h') {
    return `Last 24 hours · since ${hourMinute(range.start, range.timezone)}`;
  }
  return filters.period ? `Last ${PERIOD_WORDS[filters.period]} · ${span}` : span;
}

/** e.g. "the previous 30 days (3 Jan – 1 Feb 2025)". */
export function comparisonLabel(filters: DashboardFilters, previous: AnalyticsRange): string {
  const days = filters.period ? null : daysInclusive(filters.start!, filters.end!);
  const length = filters.period ? PERIOD_WORDS[filters.period] : `${days} day${days === 1 ? '' : 's'}`;
  const last = new Date(previous.end.getTime() - 1);
  const span =
    filters.period === '24h'
      ? `${hourMinute(previous.start, previous.timezone)} – ${hourMinute(last, previous.timezone)}`
      : `${day(previous.start, previous.timezone, false)} – ${day(last, previous.timezone, true)}`;
  return `the previous ${length} (${span})`;
}

function hourMinute(date: Date, timeZone: string): string {
  return dateTimeFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}
