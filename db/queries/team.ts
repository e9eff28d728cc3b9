/** Invitations and membership changes. Writers take `tx`: each change commits with its audit entry. */
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { db, type DbExecutor } from '../index';
import { invitations, memberships, users, workspaces, type Role } from '../schema';

/**
 * Serializes a workspace's team changes (the last-owner and seat checks read, then write). NO KEY UPDATE,
 * not UPDATE: ingestion's foreign-key checks (KEY SHARE) on the workspace row go on unblocked.
 */
export async function lockWorkspaceTeam(workspaceId: string, tx: DbExecutor) {
  await tx.execute(sql`SELECT 1 FROM workspaces WHERE id = ${workspaceId}::uuid FOR NO KEY UPDATE`);
}

export async function insertInvitation(
  workspaceId: string,
  values: { email: string; role: Role; tokenHash: string; invitedBy: string; expiresAt: Date },
  tx: DbExecutor,
) {
  const [row] = await tx.insert(invitations).values({ workspaceId, ...values }).returning();
  return row;
}

/** Pending: neither accepted nor revoked, and not yet expired at `now`. */
const pending = (now: Date) => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

export async function listPendingInvitations(workspaceId: string, now = new Date()) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt, invitedByEmail: users.email })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.workspaceId, workspaceId), pending(now)))
    .orderBy(asc(invitations.createdAt));
}

export async function findPendingInvitationByEmail(workspaceId: string, email: string, tx: DbExecutor, now = new Date()) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.email, email), pending(now)))
    .limit(1);
  return row ?? null;
}

/** A pending invitation of this workspace, locked for the change. */
export async function lockPendingInvitation(workspaceId: string, id: string, tx: DbExecutor, now = new Date()) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id), pending(now)))
    .for('update');
  return row ?? null;
}

/**
 * The invitation a link's token names, with its workspace, locked when `tx` is given. The one lookup that
 * is not scoped by a workspace id: the token itself is what says which workspace it belongs to.
 */
export async function findInvitationByTokenHash(tokenHash: string, tx: DbExecutor = db, lock = false) {
  const query = tx
    .select({ invitation: invitations, workspaceName: workspaces.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: invitations }) : await query;
  return row ?? null;
}

export async function updateInvitation(
  workspaceId: string,
  id: string,
  values: Partial<{ tokenHash: string; expiresAt: Date; revokedAt: Date; acceptedAt: Date; acceptedBy: string; role: Role }>,
  tx: DbExecutor,
) {
  await tx.update(invitations).set(values).where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id)));
}

export async function findMember(workspaceId: string, userId: string, tx: DbExecutor = db) {
  const [row] = await tx
    .select({ userId: memberships.userId, role: memberships.role, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** The e-mail addresses of the workspace's members holding one of `roles` (who a notice goes to), sorted. */
export async function listMemberEmails(workspaceId: string, roles: Role[]): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, roles)))
    .orderBy(asc(users.email));
  return rows.map((r) => r.email);
}

export async function countOwners(workspaceId: string, tx: DbExecutor) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')));
  return row?.n ?? 0;
}

/** True when a new membership was made (false: the user already belonged, nothing changed). */
export async function insertMembership(workspaceId: string, userId: string, role: Role, tx: DbExecutor) {
  const rows = await tx.insert(memberships).values({ workspaceId, userId, role }).onConflictDoNothing().returning({ userId: memberships.userId });
  return rows.length > 0;
}

export async function updateMemberRole(workspaceId: string, userId: string, role: Role, tx: DbExecutor) {
  await tx.update(memberships).set({ role }).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
}

export async function deleteMembership(workspaceId: string, userId: string, tx: DbExecutor) {
  await tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
}
