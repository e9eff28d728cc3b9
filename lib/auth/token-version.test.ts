import { afterAll, beforeEach, expect, test, vi } from 'vitest';
import { decode, encode, type JWT } from 'next-auth/jwt';
import type { Session } from 'next-auth';
import { closeDb } from '@/db';
import { uniqueEmail } from '@/test/factories';
import { signUp } from './accounts';
import { authOptions } from './options';
import { withTokenVersion } from './session-cookie';
import { findUserForToken, signOutEverywhere } from './token-version';

const SECRET = 'token-version-test-secret';

/** The browser's cookie: getServerSession below runs it through the real callbacks, as next-auth does. */
const browser = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next-auth', async (original) => ({
  ...(await original<typeof import('next-auth')>()),
  getServerSession: async (options: typeof authOptions) => {
    const decoded = browser.cookie ? await decode({ token: browser.cookie, secret: SECRET }) : null;
    if (!decoded) return null;
    const token = await jwtCallback(options, decoded);
    const session = await options.callbacks!.session!({ session: { user: { name: decoded.name, email: decoded.email }, expires: 'soon' }, token } as never);
    return session.user ? session : null;
  },
}));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined }) }));

type JwtParams = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>['jwt']>>[0];

afterAll(closeDb);
beforeEach(() => {
  browser.cookie = null;
});

const jwtCallback = (options: typeof authOptions, token: JWT) => options.callbacks!.jwt!({ token } as JwtParams) as Promise<JWT>;

/** What the credentials sign-in puts in the cookie. */
async function signIn(userId: string) {
  const token = await authOptions.callbacks!.jwt!({
    token: { sub: userId },
    user: { id: userId },
    account: { provider: 'credentials', type: 'credentials', providerAccountId: userId },
  } as JwtParams);
  return encode({ token, secret: SECRET });
}

const newUser = async () => (await signUp({ email: uniqueEmail(), password: 'correct-horse-9', workspace: 'Sessions' })).user;

test('sign-in puts the user and their token version in the JWT', async () => {
  const user = await newUser();
  const token = await decode({ token: await signIn(user.id), secret: SECRET });
  expect(token).toMatchObject({ uid: user.id, ver: 0, email: user.email });
});

test('signing out everywhere refuses every JWT of the old version, in the jwt callback and in getSignedInUser', async () => {
  const { getSignedInUser } = await import('./session');
  const user = await newUser();
  const laptop = await signIn(user.id);
  const phone = await signIn(user.id);
  browser.cookie = laptop;
  expect((await getSignedInUser())?.id).toBe(user.id);

  expect(await signOutEverywhere(user.id)).toBe(1);

  for (const cookie of [laptop, phone]) {
    const token = (await decode({ token: cookie, secret: SECRET }))!;
    expect(await findUserForToken(token)).toBeNull();
    expect((await jwtCallback(authOptions, token)).uid).toBeUndefined();
    browser.cookie = cookie;
    expect(await getSignedInUser()).toBeNull();
  }
  // A new sign-in gets the new version and works.
  browser.cookie = await signIn(user.id);
  expect((await getSignedInUser())?.id).toBe(user.id);
});

test('a session re-issued with the new version (after a password change) stays signed in; the old one does not', async () => {
  const { getSignedInUser } = await import('./session');
  const user = await newUser();
  const old = await signIn(user.id);
  const version = await signOutEverywhere(user.id);
  const fresh = await withTokenVersion(old, version, SECRET);
  expect(await decode({ token: fresh!, secret: SECRET })).toMatchObject({ uid: user.id, ver: version, email: user.email });
  browser.cookie = fresh;
  expect((await getSignedInUser())?.id).toBe(user.id);
  browser.cookie = old;
  expect(await getSignedInUser()).toBeNull();
});

test('a token without a version (issued before versions existed) counts as version 0; a forged or foreign token names nobody', async () => {
  const user = await newUser();
  expect((await findUserForToken({ uid: user.id }))?.id).toBe(user.id);
  expect(await findUserForToken({ uid: 'not-a-uuid' })).toBeNull();
  expect(await withTokenVersion('garbage', 1, SECRET)).toBeNull();
  await signOutEverywhere(user.id);
  expect(await findUserForToken({ uid: user.id })).toBeNull();
});

test('a revoked session yields no user in the session callback (what /api/auth/session answers)', async () => {
  const user = await newUser();
  const token = (await decode({ token: await signIn(user.id), secret: SECRET }))!;
  await signOutEverywhere(user.id);
  const revoked = await jwtCallback(authOptions, token);
  const session = (await authOptions.callbacks!.session!({ session: { user: { email: user.email }, expires: 'soon' }, token: revoked } as never)) as Session;
  expect(session.user).toBeUndefined();
});
