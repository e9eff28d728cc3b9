/**
 * Avatars: list, read, create, rename and delete, shared by /v1/avatars and Settings › Avatars. Ingestion
 * creates an avatar it has not heard of (name = id), so these are for naming and describing them, or
 * registering one before its first conversation. An avatar that conversations name cannot be deleted.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/db';
import { insertAuditEntry } from '@/db/queries/audit';
import { deleteAvatarRow, findAvatarRow, insertAvatarRow, listAvatarRows, updateAvatarRow, type AvatarRow } from '@/db/queries/avatars';
import { conflict, notFound } from '@/lib/api/errors';
import { displayName, identifier, label } from '@/lib/ingest/parse/schema-primitives';

export type Avatar = { id: string; name: string; description: string | null; createdAt: string };

/** Who changed it: a signed-in user (dashboard) or an API key. */
export type AvatarActor = { userId?: string | null; apiKeyId?: string | null };

/** Free text, cleaned as ingest cleans it; blank means none. */
const description = label(500);

export const avatarInputSchema = z.strictObject({
  /** Your avatar id, as conversations send it; `avt_…` is generated when left out. */
  id: identifier.optional(),
  name: displayName(100),
  description: description.nullish(),
});
export const avatarPatchSchema = z.strictObject({ name: displayName(100).optional(), description: description.nullish() });

export type AvatarInput = z.input<typeof avatarInputSchema>;
export type AvatarPatch = z.input<typeof avatarPatchSchema>;

const toAvatar = (row: AvatarRow): Avatar => ({ id: row.id, name: row.name, description: row.description, createdAt: row.createdAt.toISOString() });
const actorFields = (actor: AvatarActor) => ({ actorUserId: actor.userId ?? null, actorApiKeyId: actor.apiKeyId ?? null });
export const newAvatarId = () => `avt_${randomBytes(9).toString('base64url')}`;

export async function listWorkspaceAvatars(workspaceId: string): Promise<Avatar[]> {
  return (await listAvatarRows(workspaceId)).map(toAvatar);
}

export async function getAvatar(workspaceId: string, id: string): Promise<Avatar | null> {
  const row = await findAvatarRow(workspaceId, id);
  return row ? toAvatar(row) : null;
}

/** Creates the avatar (a ZodError for invalid input, 409 when the id is taken). */
export async function createAvatar(workspaceId: string, raw: AvatarInput, actor: AvatarActor): Promise<Avatar> {
  const input = avatarInputSchema.parse(raw);
  const row = await db.transaction(async (tx) => {
    const inserted = await insertAvatarRow(tx, workspaceId, { id: input.id ?? newAvatarId(), name: input.name, description: input.description ?? null });
    if (!inserted) throw conflict(`An avatar with id "${input.id}" already exists`);
    await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'avatar.created', targetType: 'avatar', targetId: inserted.id, details: { name: inserted.name } });
    return inserted;
  });
  return toAvatar(row);
}

/** Renames or re-describes the avatar; null when there is none. */
export async function updateAvatar(workspaceId: string, id: string, raw: AvatarPatch, actor: AvatarActor): Promise<Avatar | null> {
  const patch = avatarPatchSchema.parse(raw);
  const values = { ...(patch.name !== undefined && { name: patch.name }), ...(patch.description !== undefined && { description: patch.description }) };
  const row = await db.transaction(async (tx) => {
    const updated = await updateAvatarRow(tx, workspaceId, id, values);
    if (updated) await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'avatar.updated', targetType: 'avatar', targetId: id, details: values });
    return updated;
  });
  return row ? toAvatar(row) : null;
}

/** Deletes an avatar no conversation names: 404 when there is none, 409 while conversations name it. */
export async function deleteAvatar(workspaceId: string, id: string, actor: AvatarActor): Promise<void> {
  await db.transaction(async (tx) => {
    const result = await deleteAvatarRow(tx, workspaceId, id);
    if (result === 'missing') throw notFound('Avatar');
    if (result === 'in_use') throw conflict(`Avatar "${id}" has conversations; erase them first (DELETE /v1/conversations/{id} or /v1/customers/{customerId})`);
    await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'avatar.deleted', targetType: 'avatar', targetId: id });
  });
}
