/** Query strings for transcript links: the filters, optionally with a cursor or extra parameters. */
import { filtersToSearchParams, type TranscriptFilters } from '@/lib/transcripts/filters';

export function transcriptsQuery(filters: TranscriptFilters, extra: Record<string, string | null | undefined> = {}): string {
  const params = filtersToSearchParams(filters);
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
