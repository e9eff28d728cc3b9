/**
 * The rules for signing in with GitHub or Google. An identity is linked to an existing account only from
 * inside that signed-in account (Settings › Account › Connect), never because the e-mail matches: an OAuth
 * sign-in with a password account's e-mail is refused with directions. A new e-mail makes a new user without
 * a password, who then names a first workspace at /onboarding.
 */
import { db } from '@/db';
import { deleteOAuthAccount, findOAuthAccount, insertOAuthAccount, listOAuthAccountsForUser } from '@/db/queries/account-security';
import { findUserByEmail, findUserById, insertUser } from '@/db/queries/accounts';
import { emailSchema } from './accounts';
import { providerLabel } from './oauth-providers';

export type OAuthSignInInput = {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  /** False only when the provider says the e-mail is unverified (Google's `email_verified`). */
  emailVerified?: boolean;
  name?: string | null;
  /** The account already signed in in this browser: its Connect button started this sign-in. */
  signedInUserId?: string | null;
};

export type OAuthRefusalReason = 'email-in-use' | 'linked-to-another-account' | 'provider-already-connected' | 'no-email' | 'email-unverified';

export type OAuthSignInOutcome =
  | { kind: 'signed-in'; userId: string }
  | { kind: 'linked'; userId: string }
  | { kind: 'new-user'; userId: string }
  | { kind: 'refused'; reason: OAuthRefusalReason };

export const OAUTH_REFUSAL_REASONS: OAuthRefusalReason[] = ['email-in-use', 'linked-to-another-account', 'provider-already-connected', 'no-email', 'email-unverified'];

/** What the sign-in page (or Settings › Account, when connecting) says about a refusal. */
export function oauthRefusalMessage(reason: OAuthRefusalReason, provider: string): string {
  const label = providerLabel(provider);
  switch (reason) {
    case 'email-in-use':
      return `A Confab account already uses the e-mail of this ${label} account. Sign in with your e-mail and password, then connect ${label} under Settings › Account › Connect.`;
    case 'linked-to-another-account':
      return `This ${label} account is connected to another Confab account. Sign out and sign in with ${label} to use that account, or disconnect it there first.`;
    case 'provider-already-connected':
      return `Your Confab account is already connected to a different ${label} account. Disconnect that one first.`;
    case 'no-email':
      return `${label} did not share an e-mail address, which a new Confab account needs. Make one visible in your ${label} settings, or sign up with e-mail and password.`;
    case 'email-unverified':
      return `${label} says the e-mail of this account is not verified. Verify it with ${label} and try again.`;
  }
}

/** Decides, and records, what an OAuth sign-in means. Safe to call twice for one identity (a double callback). */
export async function resolveOAuthSignIn(input: OAuthSignInInput): Promise<OAuthSignInOutcome> {
  const identity = { provider: input.provider, providerAccountId: input.providerAccountId };
  const linked = await findOAuthAccount(identity.provider, identity.providerAccountId);
  if (linked) {
    if (input.signedInUserId && input.signedInUserId !== linked.userId) return { kind: 'refused', reason: 'linked-to-another-account' };
    return { kind: 'signed-in', userId: linked.userId };
  }
  const email = emailSchema.safeParse(input.email ?? '');
  if (input.signedInUserId) {
    const row = await insertOAuthAccount({ ...identity, userId: input.signedInUserId, email: email.success ? email.data : null });
    if (row) return { kind: 'linked', userId: row.userId };
    // A conflict is either this identity linked meanwhile, or another identity of this provider on the user.
    const raced = await findOAuthAccount(identity.provider, identity.providerAccountId);
    if (raced) return raced.userId === input.signedInUserId ? { kind: 'signed-in', userId: raced.userId } : { kind: 'refused', reason: 'linked-to-another-account' };
    return { kind: 'refused', reason: 'provider-already-connected' };
  }
  if (!email.success) return { kind: 'refused', reason: 'no-email' };
  if (input.emailVerified === false) return { kind: 'refused', reason: 'email-unverified' };
  if (await findUserByEmail(email.data)) return { kind: 'refused', reason: 'email-in-use' };
  const created = await db.transaction(async (tx) => {
    const user = await insertUser({ email: email.data, name: input.name?.trim().slice(0, 100) || null, passwordHash: null }, tx);
    if (!user) return { kind: 'refused', reason: 'email-in-use' } as const;
    const row = await insertOAuthAccount({ ...identity, userId: user.id, email: email.data }, tx);
    if (!row) throw new IdentityRaceError();
    return { kind: 'new-user', userId: user.id } as const;
  }).catch((error: unknown) => {
    if (error instanceof IdentityRaceError) return null;
    throw error;
  });
  // The same identity was linked by a concurrent callback; the user written here was rolled back.
  return created ?? resolveOAuthSignIn(input);
}

class IdentityRaceError extends Error {}

export type DisconnectResult = { ok: true } | { ok: false; message: string };

/** Unlinks a provider, unless it is the account's only way in (no password and no other identity). */
export async function disconnectOAuthAccount(userId: string, provider: string): Promise<DisconnectResult> {
  const [user, identities] = await Promise.all([findUserById(userId), listOAuthAccountsForUser(userId)]);
  if (!user || !identities.some((i) => i.provider === provider)) return { ok: false, message: `${providerLabel(provider)} is not connected.` };
  if (!user.passwordHash && identities.length === 1) {
    return { ok: false, message: `${providerLabel(provider)} is your only way to sign in. Set a password first (e-mail yourself a link above).` };
  }
  await deleteOAuthAccount(userId, provider);
  return { ok: true };
}
