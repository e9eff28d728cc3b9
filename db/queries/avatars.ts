/** Avatars of a workspace: the dashboard's avatar filter and per-avatar view, and /v1/avatars. */
import { and, asc, eq, sql as dsql } from 'drizzle-orm';
import { db } from '../index';
import { avatars, conversations } from '../schema';

export type AvatarSummary = { id: string; name: string };
export type AvatarRow = typeof avatars.$inferSelect;

export async function listAvatars(workspaceId: string): Promise<AvatarSummary[]> {
  return db
    .select({ id: avatars.id, name: avatars.name })
    .from(avatars)
    .where(eq(avatars.workspaceId, workspaceId))
    .orderBy(asc(avatars.name), asc(avatars.id));
}

export async function findAvatar(workspaceId: string, avatarId: string): Promise<AvatarSummary | null> {
  const [row] = await db
    .select({ id: avatars.id, name: avatars.name })
    .from(avatars)
    .where(and(eq(avatars.workspaceId, workspaceId), eq(avatars.id, avatarId)))
    .limit(1);
  return row ?? null;
}

export async function listAvatarRows(workspaceId: string): Promise<AvatarRow[]> {
  return db.select().from(avatars).where(eq(avatars.workspaceId, workspaceId)).orderBy(asc(avatars.name), asc(avatars.id));
}

export async function findAvatarRow(workspaceId: string, avatarId: string): Promise<AvatarRow | null> {
  const [row] = await db.select().from(avatars).where(and(eq(avatars.workspaceId, workspaceId), eq(avatars.id, avatarId))).limit(1);
  return row ?? null;
}

/** The new row, or null when the id is taken (also by an avatar ingestion created). */
export async function insertAvatarRow(workspaceId: string, values: { id: string; name: string; description: string | null }): Promise<AvatarRow | null> {
  const [row] = await db.insert(avatars).values({ workspaceId, ...values }).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateAvatarRow(workspaceId: string, avatarId: string, values: { name?: string; description?: string | null }) {
  const [row] = await db
    .update(avatars)
    .set(values)
    .where(and(eq(avatars.workspaceId, workspaceId), eq(avatars.id, avatarId)))
    .returning();
  return row ?? null;
}

/**
 * Deletes the avatar unless a conversation still names it (its analytics and transcripts would lose their
 * avatar): 'deleted', 'in_use' or 'missing'. The check and the delete are one statement.
 */
export async function deleteAvatarRow(workspaceId: string, avatarId: string): Promise<'deleted' | 'in_use' | 'missing'> {
  const deleted = await db
    .delete(avatars)
    .where(
      and(
        eq(avatars.workspaceId, workspaceId),
        eq(avatars.id, avatarId),
        dsql`NOT EXISTS (SELECT 1 FROM ${conversations} c WHERE c.workspace_id = ${avatars.workspaceId} AND c.avatar_id = ${avatars.id})`,
      ),
    )
    .returning({ id: avatars.id });
  if (deleted.length > 0) return 'deleted';
  return (await findAvatar(workspaceId, avatarId)) ? 'in_use' : 'missing';
}
