/**
 * The transcripts pages' URL (list and viewer): filters, sort and cursor. Whatever in it is unusable is
 * dropped with a notice, so a bad link shows the filter notice rather than failing the page.
 */
import { decodeCursorOrThrow } from './cursor';
import { DEFAULT_FILTERS, transcriptFiltersSchema, type SearchParams, type TranscriptFilters } from './filters';

export type TranscriptsPageQuery = { filters: TranscriptFilters; cursor: string | null; notice: string | null };

const MAX_CURSOR_LENGTH = 2000;
export const INVALID_FILTERS_NOTICE = 'Some filters in this link were not valid, so all conversations are shown.';
export const INVALID_CURSOR_NOTICE = 'This page link is out of date or was changed, so the first page is shown.';

/** NUL or invalid Unicode under any name: no control of this app writes such a link. */
const unusable = (value: string | string[] | undefined) => [value ?? []].flat().some((v) => v.includes('\u0000') || !v.isWellFormed());

function cursorOf(params: SearchParams, filters: TranscriptFilters): { cursor: string | null; ok: boolean } {
  const raw = [params.cursor ?? []].flat()[0];
  if (raw === undefined || raw === '') return { cursor: null, ok: true };
  if (raw.length > MAX_CURSOR_LENGTH) return { cursor: null, ok: false };
  try {
    decodeCursorOrThrow(raw, filters.sort, filters.order);
    return { cursor: raw, ok: true };
  } catch {
    return { cursor: null, ok: false };
  }
}

export function parseTranscriptsPageQuery(params: SearchParams): TranscriptsPageQuery {
  const parsed = Object.values(params).some(unusable) ? null : transcriptFiltersSchema.safeParse(params);
  // A cursor belongs to the filters it was made with; without them it is dropped too.
  if (!parsed?.success) return { filters: DEFAULT_FILTERS, cursor: null, notice: INVALID_FILTERS_NOTICE };
  const { cursor, ok } = cursorOf(params, parsed.data);
  return { filters: parsed.data, cursor, notice: ok ? null : INVALID_CURSOR_NOTICE };
}
