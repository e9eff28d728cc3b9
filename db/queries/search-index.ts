/** The transcript search index's upkeep (a platform-wide statement of the worker's; no tenant data is read). */
import { sql } from '../index';

export const SEARCH_INDEX = 'messages_content_trgm_idx';

/**
 * Merges the trigram index's pending list (messages ingest appended) into the index; returns how many
 * pending-list pages it merged. Concurrent inserts and searches go on meanwhile.
 */
export async function mergeSearchPendingList(): Promise<number> {
  const [row] = await sql<{ pages: number }[]>`SELECT gin_clean_pending_list(${SEARCH_INDEX}::regclass)::int AS pages`;
  return row.pages;
}
