import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach, expect, test, vi } from 'vitest';
import type { JWT } from 'next-auth/jwt';
import { closeDb, sql } from '@/db';
import { findOAuthAccount } from '@/db/queries/account-security';
import { findUserByEmail, findUserById, listWorkspacesForUser } from '@/db/queries/accounts';
import { uniqueEmail } from '@/test/factories';
import { signUp } from './accounts';
import { createFirstWorkspace } from './onboarding';
import { disconnectOAuthAccount, oauthRefusalMessage, resolveOAuthSignIn } from './oauth';
import { authOptions } from './options';

/** The session cookie the OAuth callback would see in the browser (none: a visitor). */
const browser = vi.hoisted(() => ({ token: null as JWT | null }));
vi.mock('./session-cookie', async (original) => ({ ...(await original<typeof import('./session-cookie')>()), readSessionToken: async () => browser.token }));

type SignInParams = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>['signIn']>>[0];
type JwtParams = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>['jwt']>>[0];

afterAll(closeDb);
beforeEach(() => {
  browser.token = null;
});

const githubId = () => `gh-${randomUUID()}`;
const passwordAccount = async () => (await signUp({ email: uniqueEmail(), password: 'correct-horse-9', workspace: 'OAuth' })).user;
const identityCount = async (userId: string) => (await sql`SELECT 1 FROM oauth_accounts WHERE user_id = ${userId}`).length;

test('a new e-mail makes a user without a password and without a workspace; the identity then signs them in', async () => {
  const email = uniqueEmail();
  const providerAccountId = githubId();
  const first = await resolveOAuthSignIn({ provider: 'github', providerAccountId, email, name: 'Octo Cat' });
  expect(first.kind).toBe('new-user');
  const user = await findUserByEmail(email);
  expect(user).toMatchObject({ id: (first as { userId: string }).userId, name: 'Octo Cat', passwordHash: null });
  expect(await listWorkspacesForUser(user!.id)).toEqual([]);
  expect(await resolveOAuthSignIn({ provider: 'github', providerAccountId, email })).toEqual({ kind: 'signed-in', userId: user!.id });
  // The provider's e-mail may change later; the identity, not the e-mail, names the user.
  expect(await resolveOAuthSignIn({ provider: 'github', providerAccountId, email: uniqueEmail() })).toEqual({ kind: 'signed-in', userId: user!.id });
});

test("an OAuth sign-in with a password account's e-mail is refused, links nothing and says how to connect", async () => {
  const user = await passwordAccount();
  for (const email of [user.email, user.email.toUpperCase()]) {
    expect(await resolveOAuthSignIn({ provider: 'github', providerAccountId: githubId(), email })).toEqual({ kind: 'refused', reason: 'email-in-use' });
  }
  expect(await identityCount(user.id)).toBe(0);
  expect(await findUserById(user.id)).toEqual(user);
  expect(oauthRefusalMessage('email-in-use', 'github')).toMatch(/sign in with your e-mail and password, then connect GitHub under Settings › Account › Connect/i);
});

test("a second provider with an OAuth user's e-mail is refused too: e-mail never links", async () => {
  const email = uniqueEmail();
  const created = await resolveOAuthSignIn({ provider: 'github', providerAccountId: githubId(), email });
  expect(await resolveOAuthSignIn({ provider: 'google', providerAccountId: randomUUID(), email })).toEqual({ kind: 'refused', reason: 'email-in-use' });
  expect(await identityCount((created as { userId: string }).userId)).toBe(1);
});

test('from inside a signed-in account, Connect links the identity (whatever its e-mail), which then signs in to that account', async () => {
  const user = await passwordAccount();
  const providerAccountId = githubId();
  const other = uniqueEmail();
  expect(await resolveOAuthSignIn({ provider: 'github', providerAccountId, email: other, signedInUserId: user.id })).toEqual({ kind: 'linked', userId: user.id });
  expect(await findOAuthAccount('github', providerAccountId)).toMatchObject({ userId: user.id, email: other });
  expect(await resolveOAuthSignIn({ provider: 'github', providerAccountId, email: other })).toEqual({ kind: 'signed-in', userId: user.id });
  expect(await findUserByEmail(other)).toBeNull();
  // Connecting again is harmless.
  expect(await resolveOAuthSignIn({ provider: 'github', providerAccountId, email: other, signedInUserId: user.id })).toEqual({ kind: 'signed-in', userId: user.id });
});

test('an identity linked to one account cannot be connected to another', async () => {
  const owner = await passwordAccount();
  const intruder = await passwordAccount();
  const providerAccountId = githubId();
  await resolveOAuthSignIn({ provider: 'github', providerAccountId, email: owner.email, signedInUserId: owner.id });
  expect(await resolveOAuthSignIn({ provider: 'github', providerAccountId, email: owner.email, signedInUserId: intruder.id })).toEqual({
    kind: 'refused',
    reason: 'linked-to-another-account',
  });
  expect((await findOAuthAccount('github', providerAccountId))?.userId).toBe(owner.id);
  expect(await identityCount(intruder.id)).toBe(0);
});

test('an account holds one identity per provider', async () => {
  const user = await passwordAccount();
  await resolveOAuthSignIn({ provider: 'github', providerAccountId: githubId(), email: user.email, signedInUserId: user.id });
  const second = githubId();
  expect(await resolveOAuthSignIn({ provider: 'github', providerAccountId: second, email: user.email, signedInUserId: user.id })).toEqual({
    kind: 'refused',
    reason: 'provider-already-connected',
  });
  expect(await findOAuthAccount('github', second)).toBeNull();
  expect(await resolveOAuthSignIn({ provider: 'google', providerAccountId: randomUUID(), email: user.email, signedInUserId: user.id })).toMatchObject({ kind: 'linked' });
  expect(await identityCount(user.id)).toBe(2);
});

test('a new account needs a verified e-mail', async () => {
  expect(await resolveOAuthSignIn({ provider: 'github', providerAccountId: githubId(), email: null })).toEqual({ kind: 'refused', reason: 'no-email' });
  const email = uniqueEmail();
  expect(await resolveOAuthSignIn({ provider: 'google', providerAccountId: randomUUID(), email, emailVerified: false })).toEqual({ kind: 'refused', reason: 'email-unverified' });
  expect(await findUserByEmail(email)).toBeNull();
});

test('onboarding creates the first workspace with its owner, once', async () => {
  const outcome = await resolveOAuthSignIn({ provider: 'github', providerAccountId: githubId(), email: uniqueEmail() });
  const userId = (outcome as { userId: string }).userId;
  const [a, b] = await Promise.all([createFirstWorkspace(userId, { workspace: 'Octo Support' }), createFirstWorkspace(userId, { workspace: 'Octo Support' })]);
  expect([a, b].filter(Boolean)).toHaveLength(1);
  const workspaces = await listWorkspacesForUser(userId);
  expect(workspaces).toHaveLength(1);
  expect(workspaces[0]).toMatchObject({ name: 'Octo Support', role: 'owner' });
  expect(await createFirstWorkspace(userId, { workspace: 'Another' })).toBeNull();
  await expect(createFirstWorkspace(userId, { workspace: 'x' })).rejects.toThrow(/at least 2/);
});

test('disconnecting is refused when it is the only way in', async () => {
  const outcome = await resolveOAuthSignIn({ provider: 'github', providerAccountId: githubId(), email: uniqueEmail() });
  const userId = (outcome as { userId: string }).userId;
  expect(await disconnectOAuthAccount(userId, 'github')).toMatchObject({ ok: false, message: expect.stringMatching(/only way/) });
  expect(await identityCount(userId)).toBe(1);
  const user = await passwordAccount();
  await resolveOAuthSignIn({ provider: 'github', providerAccountId: githubId(), email: user.email, signedInUserId: user.id });
  expect(await disconnectOAuthAccount(user.id, 'github')).toEqual({ ok: true });
  expect(await identityCount(user.id)).toBe(0);
});

/** next-auth's signIn callback as the OAuth callback route calls it. */
const oauthCallback = (email: string, providerAccountId: string, profile: Record<string, unknown> = {}) =>
  authOptions.callbacks!.signIn!({
    user: { id: providerAccountId, email, name: 'Someone' },
    account: { provider: 'github', type: 'oauth', providerAccountId },
    profile,
  } as SignInParams);

test('the signIn callback refuses to the sign-in page, or to Settings › Account when connecting, and links only when signed in', async () => {
  const user = await passwordAccount();
  const providerAccountId = githubId();
  expect(await oauthCallback(user.email, providerAccountId)).toBe('/sign-in?error=email-in-use&provider=github');
  expect(await identityCount(user.id)).toBe(0);

  browser.token = { uid: user.id, ver: 0 };
  expect(await oauthCallback(user.email, providerAccountId)).toBe(true);
  expect((await findOAuthAccount('github', providerAccountId))?.userId).toBe(user.id);

  const other = await passwordAccount();
  browser.token = { uid: other.id, ver: 0 };
  expect(await oauthCallback(user.email, providerAccountId)).toBe('/settings/account?error=linked-to-another-account&provider=github');

  // A revoked session links nothing: the callback treats the browser as a visitor.
  browser.token = { uid: other.id, ver: 7 };
  expect(await oauthCallback(other.email, githubId())).toBe('/sign-in?error=email-in-use&provider=github');
  expect(await identityCount(other.id)).toBe(0);
});

test('the jwt callback names the linked user, not the provider account', async () => {
  const user = await passwordAccount();
  const providerAccountId = githubId();
  await resolveOAuthSignIn({ provider: 'github', providerAccountId, email: uniqueEmail(), signedInUserId: user.id });
  const token = await authOptions.callbacks!.jwt!({
    token: { sub: providerAccountId, email: 'someone@github.example' },
    user: { id: providerAccountId, email: 'someone@github.example' },
    account: { provider: 'github', type: 'oauth', providerAccountId },
  } as JwtParams);
  expect(token).toMatchObject({ uid: user.id, sub: user.id, ver: 0, email: user.email });
});
