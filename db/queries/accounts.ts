/** Users, workspaces and memberships. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { db, type DbExecutor } from '../index';
import { memberships, users, workspaces, type Role } from '../schema';

export async function findUserByEmail(email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return user ?? null;
}

export async function findUserById(id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** The new user, or null when the e-mail is taken. `tx`: the caller's transaction, if any. */
export async function insertUser(values: { email: string; name?: string | null; passwordHash: string | null }, tx: DbExecutor = db) {
  const [user] = await tx
    .insert(users)
    .values({ email: values.email.toLowerCase(), name: values.name ?? null, passwordHash: values.passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return user ?? null;
}

export async function updatePasswordHash(userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function findWorkspaceBySlug(slug: string) {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
  return workspace ?? null;
}

export async function findWorkspaceById(id: string) {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, id)).limit(1);
  return workspace ?? null;
}

/** Inserts a workspace, adding a numeric suffix to the slug until it is free. `tx`: the caller's transaction, if any. */
export async function insertWorkspace(values: { name: string; slug: string }, tx: DbExecutor = db) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const slug = attempt === 0 ? values.slug : `${values.slug}-${attempt + 1}`;
    const [workspace] = await tx
      .insert(workspaces)
      .values({ name: values.name, slug })
      .onConflictDoNothing({ target: workspaces.slug })
      .returning();
    if (workspace) return workspace;
  }
  throw new Error(`No free slug for ${values.slug}`);
}

export async function upsertMembership(workspaceId: string, userId: string, role: Role, tx: DbExecutor = db) {
  await tx
    .insert(memberships)
    .values({ workspaceId, userId, role })
    .onConflictDoUpdate({ target: [memberships.workspaceId, memberships.userId], set: { role } });
}

/**
 * A new user with a new workspace they own (sign-up), in one transaction: all three rows or none. Null,
 * with nothing written, when the e-mail is taken.
 */
export async function insertUserWithWorkspace(user: { email: string; name: string | null; passwordHash: string }, workspace: { name: string; slug: string }) {
  return db.transaction(async (tx) => {
    const inserted = await insertUser(user, tx);
    if (!inserted) return null;
    const created = await insertWorkspace(workspace, tx);
    await upsertMembership(created.id, inserted.id, 'owner', tx);
    return { user: inserted, workspace: created };
  });
}

/**
 * A first workspace for a signed-in user who has none (onboarding), with their owner membership, in one
 * transaction. Null, writing nothing, when the user already belongs to a workspace (a second submit).
 */
export async function insertFirstWorkspace(userId: string, workspace: { name: string; slug: string }) {
  return db.transaction(async (tx) => {
    // The user row's lock makes two concurrent submits create one workspace.
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) return null;
    const [existing] = await tx.select({ id: memberships.workspaceId }).from(memberships).where(eq(memberships.userId, userId)).limit(1);
    if (existing) return null;
    const created = await insertWorkspace(workspace, tx);
    await upsertMembership(created.id, userId, 'owner', tx);
    return created;
  });
}

export async function findMembership(workspaceId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** The workspaces a user belongs to, oldest membership first. */
export async function listWorkspacesForUser(userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, timezone: workspaces.timezone, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(workspaces.name));
}

export async function countMembers(workspaceId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(eq(memberships.workspaceId, workspaceId));
  return row?.n ?? 0;
}

export async function listMembers(workspaceId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt));
}
