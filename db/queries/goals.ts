/**
 * Goals and their completions. A conversation's `goal_reached` flag (and the hourly rollup's
 * goal_conversations, counted in the hour the conversation started) always equals "has at least one
 * completion"; every writer of completions outside the ingest transaction keeps it so with
 * syncGoalReached, after locking the conversations in the one lock order (db/lock-order.ts).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { TransactionSql } from 'postgres';
import { db, type DbExecutor } from '../index';
import { lockConversations } from '../lock-order';
import { goals } from '../schema';

export type GoalRow = typeof goals.$inferSelect;
type GoalFields = { name: string; avatarId: string | null; trigger: unknown };

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === UNIQUE_VIOLATION
  || (error as { cause?: { code?: string } })?.cause?.code === UNIQUE_VIOLATION;

export async function listGoalRows(workspaceId: string): Promise<GoalRow[]> {
  return db.select().from(goals).where(eq(goals.workspaceId, workspaceId)).orderBy(asc(goals.createdAt), asc(goals.id));
}

export async function findGoalRow(workspaceId: string, id: string): Promise<GoalRow | null> {
  const [row] = await db.select().from(goals).where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, id))).limit(1);
  return row ?? null;
}

/** Inserts a goal waiting for its back-fill; null when the name is taken. */
export async function insertGoalRow(tx: DbExecutor, workspaceId: string, goal: GoalFields & { id: string }): Promise<GoalRow | null> {
  const [row] = await tx
    .insert(goals)
    .values({ workspaceId, id: goal.id, name: goal.name, avatarId: goal.avatarId, trigger: goal.trigger as Record<string, unknown>, backfillStatus: 'pending' })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Updates a goal; `redefine` queues a new back-fill. 'duplicate' when the new name is taken. */
export async function updateGoalRow(
  tx: DbExecutor,
  workspaceId: string,
  id: string,
  goal: GoalFields,
  redefine: boolean,
): Promise<GoalRow | null | 'duplicate'> {
  try {
    const [row] = await tx
      .update(goals)
      .set({
        name: goal.name,
        avatarId: goal.avatarId,
        trigger: goal.trigger as Record<string, unknown>,
        updatedAt: new Date(),
        ...(redefine ? { backfillStatus: 'pending', backfillProgress: 0, backfillError: null, backfillStartedAt: null, backfillFinishedAt: null } : {}),
      })
      .where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, id)))
      .returning();
    return row ?? null;
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
}

const SYNC_CHUNK = 5_000;

/**
 * Sets goal_reached of the (locked) conversations to whether they have a completion, and moves the
 * hourly goal_conversations count of those that changed.
 */
export async function syncGoalReached(tx: TransactionSql, workspaceId: string, ids: string[]) {
  for (let i = 0; i < ids.length; i += SYNC_CHUNK) {
    const chunk = ids.slice(i, i + SYNC_CHUNK);
    await tx`
      WITH target AS (
        SELECT c.id, EXISTS (SELECT 1 FROM goal_completions g WHERE g.workspace_id = c.workspace_id AND g.conversation_id = c.id) AS reached
        FROM conversations c WHERE c.workspace_id = ${workspaceId}::uuid AND c.id = ANY(${chunk}::text[])
      ), changed AS (
        UPDATE conversations c SET goal_reached = t.reached, updated_at = now()
        FROM target t WHERE c.workspace_id = ${workspaceId}::uuid AND c.id = t.id AND c.goal_reached <> t.reached
        RETURNING c.avatar_id, c.started_at, t.reached
      ), facts AS (
        SELECT date_trunc('hour', started_at, 'UTC') AS bucket, avatar_id, sum(CASE WHEN reached THEN 1 ELSE -1 END)::int AS d
        FROM changed GROUP BY 1, 2
      )
      INSERT INTO rollup_hourly AS r (workspace_id, bucket, avatar_id, goal_conversations)
      SELECT ${workspaceId}::uuid, bucket, avatar_id, d FROM facts WHERE d <> 0 ORDER BY bucket, avatar_id
      ON CONFLICT (workspace_id, bucket, avatar_id) DO UPDATE SET goal_conversations = r.goal_conversations + EXCLUDED.goal_conversations`;
  }
}

/**
 * Deletes the goal with its completions, its `goal.completed` stream entries and the goal flags they
 * gave, in the caller's transaction; the deleted goal, or null. Deleting the row first waits for the
 * transactions that evaluate the goal (they hold it, db/lock-order.ts) and keeps new ones from seeing
 * it, so the completions read after it are all there will ever be.
 */
export async function deleteGoalRows(tx: TransactionSql, workspaceId: string, id: string): Promise<{ name: string } | null> {
  const [goal] = await tx<{ name: string }[]>`DELETE FROM goals WHERE workspace_id = ${workspaceId}::uuid AND id = ${id} RETURNING name`;
  if (!goal) return null;
  const rows = await tx<{ conversation_id: string }[]>`
    SELECT conversation_id FROM goal_completions WHERE workspace_id = ${workspaceId}::uuid AND goal_id = ${id}`;
  const ids = rows.map((r) => r.conversation_id);
  await lockConversations(tx, workspaceId, ids);
  await tx`DELETE FROM goal_completions WHERE workspace_id = ${workspaceId}::uuid AND goal_id = ${id}`;
  await tx`DELETE FROM outbox_events WHERE workspace_id = ${workspaceId}::uuid AND type = 'goal.completed' AND payload->>'goalId' = ${id}`;
  await syncGoalReached(tx, workspaceId, ids);
  return goal;
}
