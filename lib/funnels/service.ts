/** Funnels: create, read, update and delete, shared by /v1/funnels and the dashboard. */
import { randomBytes } from 'node:crypto';
import { db } from '@/db';
import { insertAuditEntry } from '@/db/queries/audit';
import { deleteFunnelRow, findFunnelRow, insertFunnelRow, listFunnelRows, updateFunnelRow, type FunnelRow } from '@/db/queries/funnels';
import { ApiError, type ErrorDetail } from '@/lib/api/errors';
import { getGoal } from '@/lib/goals/service';
import type { FunnelInput, FunnelPatch, FunnelStep } from './schemas';

export type Funnel = { id: string; name: string; avatarId: string | null; steps: FunnelStep[]; createdAt: string; updatedAt: string };

/** Who changed it: a signed-in user (dashboard) or an API key. */
export type FunnelActor = { userId?: string | null; apiKeyId?: string | null };

export function toFunnel(row: FunnelRow): Funnel {
  return {
    id: row.id,
    name: row.name,
    avatarId: row.avatarId,
    steps: row.steps as FunnelStep[],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const newFunnelId = () => `fnl_${randomBytes(9).toString('base64url')}`;
const actorFields = (actor: FunnelActor) => ({ actorUserId: actor.userId ?? null, actorApiKeyId: actor.apiKeyId ?? null });

/** 422 naming `steps.N.goalId` for each goal step whose goal this workspace does not have. */
export async function assertGoalsExist(workspaceId: string, steps: FunnelStep[]): Promise<void> {
  const details: ErrorDetail[] = [];
  for (const [i, step] of steps.entries()) {
    if (step.type === 'goal' && !(await getGoal(workspaceId, step.goalId))) {
      details.push({ path: `steps.${i}.goalId`, message: 'No goal with this id in this workspace' });
    }
  }
  if (details.length) throw new ApiError(422, 'validation_error', 'Invalid request', details);
}

export async function listFunnels(workspaceId: string): Promise<Funnel[]> {
  return (await listFunnelRows(workspaceId)).map(toFunnel);
}

export async function getFunnel(workspaceId: string, id: string): Promise<Funnel | null> {
  const row = await findFunnelRow(workspaceId, id);
  return row ? toFunnel(row) : null;
}

export async function createFunnel(workspaceId: string, input: FunnelInput, actor: FunnelActor): Promise<Funnel> {
  await assertGoalsExist(workspaceId, input.steps);
  const row = await db.transaction(async (tx) => {
    const inserted = await insertFunnelRow(tx, workspaceId, { id: newFunnelId(), name: input.name, avatarId: input.avatarId ?? null, steps: input.steps });
    await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'funnel.created', targetType: 'funnel', targetId: inserted.id, details: { name: inserted.name } });
    return inserted;
  });
  return toFunnel(row);
}

/** Applies the patch; null when there is no such funnel. */
export async function updateFunnel(workspaceId: string, id: string, patch: FunnelPatch, actor: FunnelActor): Promise<Funnel | null> {
  const current = await findFunnelRow(workspaceId, id);
  if (!current) return null;
  if (patch.steps) await assertGoalsExist(workspaceId, patch.steps);
  const row = await db.transaction(async (tx) => {
    const updated = await updateFunnelRow(tx, workspaceId, id, {
      name: patch.name ?? current.name,
      avatarId: patch.avatarId === undefined ? current.avatarId : patch.avatarId,
      steps: patch.steps ?? current.steps,
    });
    if (updated) await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'funnel.updated', targetType: 'funnel', targetId: id, details: { name: updated.name } });
    return updated;
  });
  return row ? toFunnel(row) : null;
}

export async function deleteFunnel(workspaceId: string, id: string, actor: FunnelActor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const deleted = await deleteFunnelRow(tx, workspaceId, id);
    if (deleted) await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'funnel.deleted', targetType: 'funnel', targetId: id, details: { name: deleted.name } });
    return deleted !== null;
  });
}
