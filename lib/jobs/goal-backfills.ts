/**
 * The worker's goal back-fill loop: wakes on the NOTIFY a goal change sends (where the database
 * delivers it) and otherwise polls every POLL_MS, then runs every waiting back-fill.
 */
import { sql } from '@/db';
import { runPendingBackfills } from '@/lib/goals/backfill';
import { BACKFILL_CHANNEL } from '@/lib/goals/backfill-queue';

const POLL_MS = 2_000;

export function startGoalBackfills(log: (line: string) => void, scope: { workspaceIds?: string[] } = {}): { stop: () => Promise<void> } {
  const abort = new AbortController();
  let running: Promise<void> | null = null;
  let again = false;

  const run = async () => {
    do {
      again = false;
      for (const r of await runPendingBackfills({ signal: abort.signal, workspaceIds: scope.workspaceIds })) {
        log(`goal ${r.goalId} back-fill ${r.status} after ${r.conversations} conversation(s)${r.error ? `: ${r.error}` : ''}`);
      }
    } while (again && !abort.signal.aborted);
  };
  const tick = () => {
    if (abort.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((error) => console.error('[confab jobs] goal back-fill', error))
      .finally(() => {
        running = null;
      });
  };

  const timer = setInterval(tick, POLL_MS);
  let listener: { unlisten: () => Promise<void> } | null = null;
  sql.listen(BACKFILL_CHANNEL, tick).then(
    (l) => {
      listener = l;
    },
    () => {},
  );
  tick();

  return {
    async stop() {
      abort.abort();
      clearInterval(timer);
      await listener?.unlisten().catch(() => {});
      await running;
    },
  };
}
