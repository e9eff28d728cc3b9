/**
 * Ends conversations idle longer than their workspace's inactivity timeout (DESIGN §3 avgDuration):
 * ended_at = last_activity_at. A jobs helper schedules it; activity arriving later resumes them.
 * Ending may complete "ended without escalation" goals, in the same transaction.
 */
import { sql } from '@/db';
import { closeIdleConversationsChunk } from '@/db/queries/ingest-close-idle';
import { completeEndedConversations } from '@/lib/goals/ended';

const CHUNK = 500;

/**
 * Returns how many conversations were closed. Each chunk is its own short transaction. Every
 * workspace is swept unless `workspaceId` names one.
 */
export async function closeIdleConversations(now: Date = new Date(), options: { workspaceId?: string } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const closed = await sql.begin(async (tx) => {
      const rows = await closeIdleConversationsChunk(tx, now, CHUNK, options.workspaceId ?? null);
      await completeEndedConversations(tx, rows);
      return rows.length;
    });
    total += closed;
    if (closed < CHUNK) return total;
  }
}
