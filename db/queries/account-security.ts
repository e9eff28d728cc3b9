/** Session versions, password-reset tokens and linked OAuth identities of users (platform tables, no workspace). */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { db, type DbExecutor } from '../index';
import { oauthAccounts, passwordResets, users } from '../schema';

/** Ends every session of the user; returns the new version. */
export async function bumpTokenVersion(userId: string, tx: DbExecutor = db): Promise<number | null> {
  const [row] = await tx
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ tokenVersion: users.tokenVersion });
  return row?.tokenVersion ?? null;
}

/**
 * Sets a new password hash and ends every session, in one statement. With `expectedHash`, only while the
 * stored hash is still that one (a concurrent change wins, this one writes nothing). Null when nothing changed.
 */
export async function setPasswordHashAndBumpVersion(
  userId: string,
  passwordHash: string,
  options: { expectedHash?: string | null; tx?: DbExecutor } = {},
): Promise<{ tokenVersion: number; email: string } | null> {
  const matches = options.expectedHash === undefined ? undefined : options.expectedHash === null ? isNull(users.passwordHash) : eq(users.passwordHash, options.expectedHash);
  const [row] = await (options.tx ?? db)
    .update(users)
    .set({ passwordHash, tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(and(eq(users.id, userId), matches))
    .returning({ tokenVersion: users.tokenVersion, email: users.email });
  return row ?? null;
}

export async function insertPasswordReset(values: { tokenHash: string; userId: string; expiresAt: Date }) {
  await db.insert(passwordResets).values(values);
}

export async function findPasswordReset(tokenHash: string) {
  const [row] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash)).limit(1);
  return row ?? null;
}

/** Marks an unused, unexpired token used; its user id, or null when it was not (both in the caller's transaction). */
export async function consumePasswordReset(tokenHash: string, now: Date, tx: DbExecutor): Promise<string | null> {
  const [row] = await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .returning({ userId: passwordResets.userId });
  return row?.userId ?? null;
}

/** Uses up every open reset token of the user (after one of them set the password). */
export async function usePasswordResetsOfUser(userId: string, now: Date, tx: DbExecutor) {
  await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

export async function findOAuthAccount(provider: string, providerAccountId: string) {
  const [row] = await db
    .select()
    .from(oauthAccounts)
    .where(and(eq(oauthAccounts.provider, provider), eq(oauthAccounts.providerAccountId, providerAccountId)))
    .limit(1);
  return row ?? null;
}

/** The linked row, or null when this identity or this provider for this user is already taken. */
export async function insertOAuthAccount(values: { provider: string; providerAccountId: string; userId: string; email: string | null }, tx: DbExecutor = db) {
  const [row] = await tx.insert(oauthAccounts).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function listOAuthAccountsForUser(userId: string) {
  return db
    .select({ provider: oauthAccounts.provider, email: oauthAccounts.email, createdAt: oauthAccounts.createdAt })
    .from(oauthAccounts)
    .where(eq(oauthAccounts.userId, userId))
    .orderBy(asc(oauthAccounts.provider));
}

export async function deleteOAuthAccount(userId: string, provider: string, tx: DbExecutor = db) {
  const rows = await tx
    .delete(oauthAccounts)
    .where(and(eq(oauthAccounts.userId, userId), eq(oauthAccounts.provider, provider)))
    .returning({ provider: oauthAccounts.provider });
  return rows.length > 0;
}
