/** Avatars of a workspace: the dashboard's avatar filter and per-avatar view, and /v1/avatars. */
import { and, asc, eq, sql as dsql } from 'drizzle-orm';
import { db, type DbExecutor } from '../index';
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
export async function insertAvatarRow(
  tx: DbExecutor,
  workspaceId: string,
  values: { id: string; name: string; description: string | null },
): Promise<AvatarRow | null> {
  const [row] = await tx.insert(avatars).values({ workspaceId, ...values }).onConflictDoNothing().returning();
  return row ?? null;
}

/** Applies `values` (none: reads the row); the row, or null when there is none. */
export async function updateAvatarRow(tx: DbExecutor, workspaceId: string, avatarId: string, values: { name?: string; description?: string | null }) {
  const where = and(eq(avatars.workspaceId, workspaceId), eq(avatars.id, avatarId));
  if (Object.keys(values).length === 0) {
    const [found] = await tx.select().from(avatars).where(where).limit(1);
    return found ?? null;
  }
  const [row] = await tx
    .update(avatars)
    .set(values)
    .where(where)
    .returning();
  return row ?? null;
}

/**
 * Deletes the avatar unless a conversation still names it (its analytics and transcripts would lose their
 * avatar): 'deleted', 'in_use' or 'missing'. The check and the delete are one statement.
 */
export async function deleteAvatarRow(tx: DbExecutor, workspaceId: string, avatarId: string): Promise<'deleted' | 'in_use' | 'missing'> {
  const deleted = await tx
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
  const [left] = await tx
    .select({ id: avatars.id })
    .from(avatars)
    .where(and(eq(avatars.workspaceId, workspaceId), eq(avatars.id, avatarId)))
    .limit(1);
  return left ? 'in_use' : 'missing';
}
