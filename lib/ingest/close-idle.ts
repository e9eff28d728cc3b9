/**
 * Ends conversations idle longer than their workspace's inactivity timeout (DESIGN §3 avgDuration):
 * ended_at = last_activity_at. A jobs helper schedules it; activity arriving later resumes them.
 */
import { closeIdleConversationsChunk } from '@/db/queries/ingest-close-idle';

const CHUNK = 500;

/**
 * Returns how many conversations were closed. Each chunk is its own short transaction. Every
 * workspace is swept unless `workspaceId` names one.
 */
export async function closeIdleConversations(now: Date = new Date(), options: { workspaceId?: string } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const closed = await closeIdleConversationsChunk(now, CHUNK, options.workspaceId ?? null);
    total += closed;
    if (closed < CHUNK) return total;
  }
}
