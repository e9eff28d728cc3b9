/** Avatars of a workspace, for the dashboard's avatar filter and the per-avatar view. */
import { and, asc, eq } from 'drizzle-orm';
import { db } from '../index';
import { avatars } from '../schema';

export type AvatarSummary = { id: string; name: string };

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
