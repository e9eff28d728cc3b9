/** Links of the Goals page: back to itself with the same filters, and to the transcripts that completed a goal. */
import { filtersToQuery, type DashboardFilters } from '@/components/analytics/filters';

/** `/goals` with the page's filters, plus e.g. `{ new: 'lead_captured' }` or `{ edit: goalId }`. */
export function goalsHref(filters: DashboardFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(filtersToQuery(filters));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return `/goals${query ? `?${query}` : ''}`;
}

/** The Transcripts list of conversations in the same range (and avatar) that completed the goal. */
export function completingTranscriptsHref(filters: DashboardFilters, goalId: string, avatarId: string | null = filters.avatarId): string {
  const params = new URLSearchParams({ goal: goalId });
  if (filters.start && filters.end) {
    params.set('start', filters.start);
    params.set('end', filters.end);
  } else if (filters.period) {
    params.set('period', filters.period);
  }
  if (avatarId) params.set('avatarId', avatarId);
  return `/transcripts?${params}`;
}

export const transcriptHref = (conversationId: string) => `/transcripts/${encodeURIComponent(conversationId)}`;
