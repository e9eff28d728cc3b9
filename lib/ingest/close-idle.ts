/**
 * Ends conversations idle longer than their workspace's inactivity timeout (DESIGN §3 avgDuration):
 * ended_at = last_activity_at. A jobs helper schedules it; activity arriving later resumes them.
 * Ending may complete "ended without escalation" goals, in the same transaction.
 */
import type { TransactionSql } from 'postgres';
import { closeIdleConversationsChunk, lockIdleWorkspaceEndGoals, type ClosedConversation } from '@/db/queries/ingest-close-idle';
import { emitEvents, readSubscribedEventTypes } from '@/db/queries/outbox';
import { withRetryableTransaction } from '@/db/transaction';
import { completeEndedConversations } from '@/lib/goals/ended';
import { conversationEvent } from '@/lib/webhooks/events';

const CHUNK = 500;

/** `conversation.ended` for each conversation the idle close ended, in its transaction. */
async function emitEndedEvents(tx: TransactionSql, rows: ClosedConversation[], subscribed: ReadonlyMap<string, ReadonlySet<string>>) {
  const byWorkspace = new Map<string, ClosedConversation[]>();
  for (const r of rows) byWorkspace.set(r.workspace_id, [...(byWorkspace.get(r.workspace_id) ?? []), r]);
  for (const [workspaceId, closed] of byWorkspace) {
    const events = closed.map((r) =>
      conversationEvent('conversation.ended', {
        id: r.id,
        avatarId: r.avatar_id,
        customerId: r.customer_id,
        status: 'ended',
        startedAt: r.started_at.toISOString(),
        endedAt: r.ended_at.toISOString(),
        durationSec: Math.max(0, (r.ended_at.getTime() - r.started_at.getTime()) / 1000),
        messageCount: r.message_count,
        escalated: r.escalated,
        sentiment: { score: r.sentiment_score, label: r.sentiment_label },
        feedback: r.feedback,
      }),
    );
    await emitEvents(tx, workspaceId, events, { subscribed: subscribed.get(workspaceId) ?? new Set() });
  }
}

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
      // What each workspace's webhooks take, read once for the chunk's goal completions and ends.
      const subscribed = await readSubscribedEventTypes(tx, [...new Set(rows.map((r) => r.workspace_id))]);
      await completeEndedConversations(tx, rows, subscribed);
      await emitEndedEvents(tx, rows, subscribed);
      return rows.length;
    });
    total += closed;
    if (closed < CHUNK) return total;
  }
}
