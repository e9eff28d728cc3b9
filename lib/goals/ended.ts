/**
 * "Ended without escalation" for conversations ended outside an ingest batch (the idle-close job):
 * their completions, stream entries and goal flags, in the caller's transaction (rows locked).
 */
import type { TransactionSql } from 'postgres';
import { emitGoalCompleted, loadGoalDefinitions, upsertCompletions } from '@/db/queries/goal-completions';
import { syncGoalReached } from '@/db/queries/goals';
import { endCompletions, type ConversationFacts } from './evaluate';
import { compileGoalRows } from './live';

export type EndedConversation = { workspace_id: string; id: string; avatar_id: string; started_at: Date; ended_at: Date; escalated: boolean };

/** `subscribed`: the event types each workspace's enabled webhooks take, as the caller read them in `tx`. */
export async function completeEndedConversations(tx: TransactionSql, rows: EndedConversation[], subscribed: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
  const byWorkspace = new Map<string, ConversationFacts[]>();
  for (const r of rows) {
    const list = byWorkspace.get(r.workspace_id) ?? [];
    list.push({ id: r.id, avatarId: r.avatar_id, startedAt: r.started_at, ended: true, escalated: r.escalated, endedAt: r.ended_at });
    byWorkspace.set(r.workspace_id, list);
  }
  for (const [workspaceId, conversations] of byWorkspace) {
    const goals = compileGoalRows((await loadGoalDefinitions(tx, workspaceId)).filter((g) => g.trigger.type === 'no_escalation'));
    const completions = endCompletions(goals, conversations);
    if (completions.length === 0) continue;
    const stored = await upsertCompletions(tx, workspaceId, completions, 'live', { replace: true });
    const inserted = new Set(stored.filter((s) => s.inserted).map((s) => `${s.goal_id}\u0000${s.conversation_id}`));
    const names = new Map(goals.map((g) => [g.id, g.name]));
    await emitGoalCompleted(
      tx,
      workspaceId,
      completions.filter((c) => inserted.has(`${c.goalId}\u0000${c.conversationId}`)).map((c) => ({ ...c, goalName: names.get(c.goalId)! })),
      subscribed.get(workspaceId) ?? new Set(),
    );
    await syncGoalReached(tx, workspaceId, [...new Set(completions.map((c) => c.conversationId))]);
  }
}
