/**
 * "Sign out everywhere": every session JWT carries the user's token version from sign-in, and a session
 * whose version is no longer the user's is refused. Bumping the version therefore ends all of them at once.
 */
import { bumpTokenVersion } from '@/db/queries/account-security';
import { findUserById } from '@/db/queries/accounts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tokens issued before versions existed carry none; they count as version 0, the column's default. */
export function isTokenVersionCurrent(tokenVersion: unknown, user: { tokenVersion: number }): boolean {
  return (typeof tokenVersion === 'number' ? tokenVersion : 0) === user.tokenVersion;
}

/** The user a session token names, or null when it names none, an unknown user, or an old version. */
export async function findUserForToken(token: { uid?: unknown; ver?: unknown } | null | undefined) {
  if (typeof token?.uid !== 'string' || !UUID.test(token.uid)) return null;
  const user = await findUserById(token.uid);
  return user && isTokenVersionCurrent(token.ver, user) ? user : null;
}

export async function signOutEverywhere(userId: string): Promise<number> {
  const version = await bumpTokenVersion(userId);
  if (version === null) throw new Error(`No user ${userId}`);
  return version;
}
