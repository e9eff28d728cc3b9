/**
 * Ends conversations idle longer than their workspace's inactivity timeout (DESIGN §3 avgDuration):
 * ended_at = last_activity_at. A jobs helper schedules it; activity arriving later resumes them.
 * Ending may complete "ended without escalation" goals, in the same transaction.
 */
import { closeIdleConversationsChunk, lockIdleWorkspaceEndGoals } from '@/db/queries/ingest-close-idle';
import { withRetryableTransaction } from '@/db/transaction';
import { completeEndedConversations } from '@/lib/goals/ended';

const CHUNK = 500;

/**
 * Returns how many conversations were closed. Each chunk is its own short transaction. Every workspace
 * is swept (the worker) unless `workspaceIds` names some (tests, which must leave other tests' data alone).
 */
export async function closeIdleConversations(now: Date = new Date(), options: { workspaceIds?: string[] } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const closed = await withRetryableTransaction(async (tx) => {
      // The workspaces of this chunk, their end goals locked first (db/lock-order.ts); the chunk stays within them.
      const workspaces = await lockIdleWorkspaceEndGoals(tx, now, CHUNK, options.workspaceIds ?? null);
      if (workspaces.length === 0) return 0;
      const rows = await closeIdleConversationsChunk(tx, now, CHUNK, workspaces);
      await completeEndedConversations(tx, rows);
      return rows.length;
    });
    total += closed;
    if (closed < CHUNK) return total;
  }
}
