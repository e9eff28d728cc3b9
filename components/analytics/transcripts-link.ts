/**
 * Links from a dashboard figure to the transcripts behind it: the same range (as local dates, which the
 * transcripts filter reads in the workspace timezone; hour periods as the period) and avatar, plus the figure's filter.
 */
import { localDate } from '@/lib/analytics/timezone';
import type { AnalyticsRange } from '@/lib/analytics/types';
import type { DashboardFilters } from './filters';

export function transcriptsHref(filters: DashboardFilters, range: AnalyticsRange, extra: Record<string, string>): string {
  const params = new URLSearchParams();
  if (filters.period?.endsWith('h')) params.set('period', filters.period);
  else {
    params.set('start', localDate(range.start, range.timezone));
    params.set('end', localDate(new Date(range.end.getTime() - 1), range.timezone));
  }
  if (filters.avatarId) params.set('avatarId', filters.avatarId);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `/transcripts?${params}`;
}
