/**
 * Goals: create, read, update and delete, shared by /v1/goals and the dashboard. Creating a goal, or
 * changing its trigger or avatar, queues a back-fill over existing conversations (lib/goals/backfill);
 * deleting one removes its completions and the conversations' goal flags with it.
 */
import { z } from 'zod';
import { db } from '@/db';
import { insertAuditEntry } from '@/db/queries/audit';
import { deleteGoalRows, findGoalRow, insertGoalRow, listGoalRows, updateGoalRow, type GoalRow } from '@/db/queries/goals';
import { withRetryableTransaction } from '@/db/transaction';
import { conflict } from '@/lib/api/errors';
import { displayName, identifier } from '@/lib/ingest/parse/schema-primitives';
import { nudgeBackfill } from './backfill-queue';
import { goalTriggerSchema, newGoalId, type GoalTrigger } from './triggers';

export type BackfillStatus = 'pending' | 'running' | 'done' | 'failed';

export type Goal = {
  id: string;
  name: string;
  avatarId: string | null;
  trigger: GoalTrigger;
  backfill: { status: BackfillStatus; progress: number; startedAt: string | null; finishedAt: string | null; error: string | null };
  createdAt: string;
  updatedAt: string;
};

/** Who changed it: a signed-in user (dashboard) or an API key. */
export type GoalActor = { userId?: string | null; apiKeyId?: string | null };

export const goalInputSchema = z.strictObject({
  name: displayName(100),
  avatarId: identifier.nullish(),
  trigger: goalTriggerSchema,
});
export const goalPatchSchema = goalInputSchema.partial();

/** What callers pass (defaults such as a trigger's role may be left out); the functions validate it. */
export type GoalInput = z.input<typeof goalInputSchema>;
export type GoalPatch = z.input<typeof goalPatchSchema>;

export function toGoal(row: GoalRow): Goal {
  return {
    id: row.id,
    name: row.name,
    avatarId: row.avatarId,
    trigger: row.trigger as GoalTrigger,
    backfill: {
      status: row.backfillStatus as BackfillStatus,
      progress: row.backfillProgress,
      startedAt: row.backfillStartedAt?.toISOString() ?? null,
      finishedAt: row.backfillFinishedAt?.toISOString() ?? null,
      error: row.backfillError,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}


/** JSON with sorted keys: jsonb does not keep the key order a client sent. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const duplicateName = (n: string) => conflict(`A goal named "${n}" already exists`);
const actorFields = (actor: GoalActor) => ({ actorUserId: actor.userId ?? null, actorApiKeyId: actor.apiKeyId ?? null });

export async function listGoals(workspaceId: string): Promise<Goal[]> {
  return (await listGoalRows(workspaceId)).map(toGoal);
}

export async function getGoal(workspaceId: string, id: string): Promise<Goal | null> {
  const row = await findGoalRow(workspaceId, id);
  return row ? toGoal(row) : null;
}

/** Creates the goal (a ZodError for invalid input, 409 when the name is taken) and queues its back-fill. */
export async function createGoal(workspaceId: string, raw: GoalInput, actor: GoalActor): Promise<Goal> {
  const input = goalInputSchema.parse(raw);
  const row = await db.transaction(async (tx) => {
    const inserted = await insertGoalRow(tx, workspaceId, { id: newGoalId(), name: input.name, avatarId: input.avatarId ?? null, trigger: input.trigger });
    if (!inserted) throw duplicateName(input.name);
    await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'goal.created', targetType: 'goal', targetId: inserted.id, details: { name: inserted.name } });
    return inserted;
  });
  await nudgeBackfill();
  return toGoal(row);
}

/**
 * Applies the patch; null when there is no such goal. A changed trigger or avatar re-runs the back-fill,
 * which replaces the goal's completions conversation by conversation.
 */
export async function updateGoal(workspaceId: string, id: string, raw: GoalPatch, actor: GoalActor): Promise<Goal | null> {
  const patch = goalPatchSchema.parse(raw);
  const current = await findGoalRow(workspaceId, id);
  if (!current) return null;
  const next = {
    name: patch.name ?? current.name,
    avatarId: patch.avatarId === undefined ? current.avatarId : patch.avatarId,
    trigger: patch.trigger ?? (current.trigger as GoalTrigger),
  };
  const redefine = next.avatarId !== current.avatarId || canonical(next.trigger) !== canonical(current.trigger);
  const result = await db.transaction(async (tx) => {
    const updated = await updateGoalRow(tx, workspaceId, id, next, redefine);
    if (updated === 'duplicate') throw duplicateName(next.name);
    if (updated) await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'goal.updated', targetType: 'goal', targetId: id, details: { redefined: redefine } });
    return updated;
  });
  if (!result) return null;
  if (redefine) await nudgeBackfill();
  return toGoal(result);
}

/** Deletes the goal and its completions; false when there was none. */
export async function deleteGoal(workspaceId: string, id: string, actor: GoalActor): Promise<boolean> {
  return withRetryableTransaction(async (tx) => {
    const deleted = await deleteGoalRows(tx, workspaceId, id);
    if (deleted) await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'goal.deleted', targetType: 'goal', targetId: id, details: { name: deleted.name } });
    return deleted !== null;
  });
}
