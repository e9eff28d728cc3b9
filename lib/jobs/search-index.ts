/**
 * The worker's search-index loop: every MERGE_MS it merges what ingest appended to the trigram index's
 * pending list (db/migrations/0016). Ingest then only appends, and the index takes new entries in large
 * batches, which costs less per message than merging inside each ingest transaction. Entries not merged
 * yet are searched all the same, so search results never lag behind ingest.
 */
import { mergeSearchPendingList } from '@/db/queries/search-index';

const MERGE_MS = 5_000;

export function startSearchIndexMerges(log: (line: string) => void): { stop: () => Promise<void> } {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = mergeSearchPendingList()
      .catch((error: unknown) => log(`search index merge: ${String(error)}`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, MERGE_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
