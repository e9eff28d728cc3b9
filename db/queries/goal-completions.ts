/**
 * Writes of goal completions and of the `goal.completed` event stream entries, inside the caller's
 * transaction (ingestion, the idle-close job, the back-fill). Callers hold the conversations' row locks.
 */
import type { Sql, TransactionSql } from 'postgres';
import type { Completion, CompletionSource } from '@/lib/goals/evaluate';
import { goalCompletedEvent } from '@/lib/webhooks/events';
import { emitEvents } from './outbox';

const json = (rows: unknown[]) => JSON.stringify(rows);

export type GoalDefinitionRow = { id: string; name: string; avatar_id: string | null; trigger: Record<string, unknown>; updated_at: Date };

export async function loadGoalDefinitions(tx: Sql | TransactionSql, workspaceId: string): Promise<GoalDefinitionRow[]> {
  return tx<GoalDefinitionRow[]>`
    SELECT id, name, avatar_id, trigger, updated_at FROM goals WHERE workspace_id = ${workspaceId}::uuid ORDER BY id`;
}

const records = (completions: Completion[]) =>
  json(
    completions.map((c) => ({
      g: c.goalId, c: c.conversationId, a: c.avatarId, t: c.completedAt, s: c.startedAt, m: c.messageId, e: c.eventId, x: c.actionId,
    })),
  );

export type StoredCompletion = { goal_id: string; conversation_id: string; inserted: boolean };

/**
 * Stores completions; where the goal already completed in that conversation, the earlier completion
 * wins, or with `replace` the given one does (for "ended without escalation", whose time is the end).
 * Returns the rows written, `inserted` for first completions.
 */
export async function upsertCompletions(
  tx: TransactionSql,
  workspaceId: string,
  completions: Completion[],
  source: CompletionSource,
  options: { replace?: boolean } = {},
): Promise<StoredCompletion[]> {
  if (completions.length === 0) return [];
  const condition = options.replace
    ? tx`(gc.completed_at, gc.message_id, gc.event_id, gc.action_id) IS DISTINCT FROM (EXCLUDED.completed_at, EXCLUDED.message_id, EXCLUDED.event_id, EXCLUDED.action_id)`
    : tx`EXCLUDED.completed_at < gc.completed_at`;
  return tx<StoredCompletion[]>`
    INSERT INTO goal_completions AS gc (workspace_id, goal_id, conversation_id, avatar_id, completed_at, started_at, message_id, event_id, action_id, source)
    SELECT ${workspaceId}::uuid, x.g, x.c, x.a, x.t, x.s, x.m, x.e, x.x, ${source}
    FROM json_to_recordset(${records(completions)}::text::json) AS x(g text, c text, a text, t timestamptz, s timestamptz, m text, e text, x text)
    ORDER BY x.g, x.c
    ON CONFLICT (workspace_id, goal_id, conversation_id) DO UPDATE SET
      completed_at = EXCLUDED.completed_at, message_id = EXCLUDED.message_id, event_id = EXCLUDED.event_id,
      action_id = EXCLUDED.action_id, avatar_id = EXCLUDED.avatar_id, started_at = EXCLUDED.started_at, source = EXCLUDED.source
      WHERE ${condition}
    RETURNING goal_id, conversation_id, (xmax = 0) AS inserted`;
}

/** Removes the completions of the given goals in the given conversations. */
export async function deleteCompletions(tx: TransactionSql, workspaceId: string, pairs: { goalId: string; conversationId: string }[]) {
  if (pairs.length === 0) return;
  await tx`
    DELETE FROM goal_completions gc
    USING json_to_recordset(${json(pairs.map((p) => ({ g: p.goalId, c: p.conversationId })))}::text::json) AS x(g text, c text)
    WHERE gc.workspace_id = ${workspaceId}::uuid AND gc.goal_id = x.g AND gc.conversation_id = x.c`;
}

/** The conversations among `ids` that have at least one completion. */
export async function conversationsWithCompletions(tx: TransactionSql, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx<{ conversation_id: string }[]>`
    SELECT DISTINCT conversation_id FROM goal_completions WHERE workspace_id = ${workspaceId}::uuid AND conversation_id = ANY(${ids}::text[])`;
  return new Set(rows.map((r) => r.conversation_id));
}

/** Adds `goal.completed` events (DESIGN §7) to the event stream, in the caller's transaction, if a webhook in `subscribed` takes them. */
export async function emitGoalCompleted(tx: TransactionSql, workspaceId: string, completions: (Completion & { goalName: string })[], subscribed: ReadonlySet<string>) {
  const events = completions.map((c) =>
    goalCompletedEvent({ goalId: c.goalId, goalName: c.goalName, conversationId: c.conversationId, avatarId: c.avatarId, completedAt: c.completedAt.toISOString() }),
  );
  await emitEvents(tx, workspaceId, events, { subscribed });
}

/** Creates goals for names the SDK's goal.completed events use that no goal has yet (like unknown avatars). */
export async function createSdkGoals(tx: TransactionSql, workspaceId: string, goals: { id: string; name: string; trigger: unknown }[]) {
  if (goals.length === 0) return [];
  return tx<GoalDefinitionRow[]>`
    INSERT INTO goals (workspace_id, id, name, trigger, backfill_status, backfill_progress, backfill_finished_at)
    SELECT ${workspaceId}::uuid, x.id, x.name, x.trigger, 'done', 1, now()
    FROM json_to_recordset(${json(goals)}::text::json) AS x(id text, name text, trigger jsonb)
    ORDER BY x.name
    ON CONFLICT DO NOTHING
    RETURNING id, name, avatar_id, trigger, updated_at`;
}

/** Copies a conversation's avatar and start to its completions after ingestion changed them. */
export async function moveCompletions(tx: TransactionSql, workspaceId: string, moves: { id: string; avatarId: string; startedAt: Date }[]) {
  if (moves.length === 0) return;
  await tx`
    UPDATE goal_completions gc SET avatar_id = x.a, started_at = x.s
    FROM json_to_recordset(${json(moves.map((m) => ({ c: m.id, a: m.avatarId, s: m.startedAt })))}::text::json) AS x(c text, a text, s timestamptz)
    WHERE gc.workspace_id = ${workspaceId}::uuid AND gc.conversation_id = x.c`;
}
