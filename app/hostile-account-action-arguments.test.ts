/**
 * The account actions (Settings › Account, password reset, onboarding) answer hostile arguments with their
 * normal error result — never a throw — and write nothing, like every other action (hostile-action-arguments).
 */
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { closeDb, sql } from '@/db';
import { insertUser, upsertMembership } from '@/db/queries/accounts';
import { hashPassword } from '@/lib/auth/password';
import { createTestWorkspace, uniqueEmail } from '@/test/factories';

const session = vi.hoisted(() => ({ userId: null as string | null, cookiesSet: [] as string[], after: [] as (() => unknown)[] }));
vi.mock('next-auth', () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: (name: string) => session.cookiesSet.push(name) }),
  headers: async () => new Headers({ host: 'confab.test' }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: (task: () => unknown) => session.after.push(task) }));

const { changePasswordAction, disconnectOAuthAction } = await import('./(dashboard)/settings/account/actions');
const { requestPasswordResetAction } = await import('./(auth)/forgot-password/actions');
const { resetPasswordAction } = await import('./(auth)/reset-password/[token]/actions');
const { createFirstWorkspaceAction } = await import('./(auth)/onboarding/actions');

afterAll(closeDb);

const long = 'x'.repeat(5000);
const junk: unknown[] = [undefined, null, true, 0, NaN, 10n, '', long, '\u0000', '\ud800', {}, [], { email: 'a@b.co' }, new Date(Number.NaN), new Map(), new FormData()];

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}
function spoiledForms(valid: Record<string, string>): FormData[] {
  return Object.keys(valid).flatMap((key) => ['\u0000', `${key}\u0000`, long, new File(['x'], 'x.txt')].map((bad) => form({ ...valid, [key]: bad })));
}

let userId: string;
let email: string;
const PASSWORD = 'correct-horse-9';

async function snapshot() {
  const [user] = await sql`SELECT password_hash, token_version FROM users WHERE id = ${userId}`;
  const counts = await sql`SELECT (SELECT count(*)::int FROM password_resets) AS resets, (SELECT count(*)::int FROM oauth_accounts) AS identities,
    (SELECT count(*)::int FROM memberships WHERE user_id = ${userId}) AS memberships`;
  return { user, counts: counts[0] };
}

async function expectRefused(label: string, calls: (() => Promise<unknown>)[]) {
  for (const [i, call] of calls.entries()) {
    const result = await call().catch((error: unknown) => ({ threw: String(error) }));
    expect(result, `${label} #${i}`).toMatchObject({ ok: false, message: expect.any(String) });
  }
}

beforeAll(async () => {
  email = uniqueEmail();
  const user = await insertUser({ email, passwordHash: await hashPassword(PASSWORD) });
  userId = user!.id;
  await upsertMembership((await createTestWorkspace()).id, userId, 'owner');
  session.userId = userId;
});

test('hostile arguments get each account action’s error result and write nothing', async () => {
  const before = await snapshot();
  const change = { currentPassword: PASSWORD, newPassword: 'second-pass-2' };
  await expectRefused('changePassword', [...junk, ...spoiledForms(change), form({ ...change, currentPassword: 'wrong-pass-1' })].map((f) => () => changePasswordAction(null, f)));
  await expectRefused('disconnect', [...junk, 'github\u0000', 'gitlab', 'github'].map((p) => () => disconnectOAuthAction(p)));
  await expectRefused('requestReset', [...junk, ...spoiledForms({ email })].map((f) => () => requestPasswordResetAction(null, f)));
  const reset = { token: 'x'.repeat(43), password: 'second-pass-2' };
  await expectRefused('resetPassword', [...junk, ...spoiledForms(reset), form(reset), form({ ...reset, token: '../x' })].map((f) => () => resetPasswordAction(null, f)));
  await expectRefused('onboarding', [...junk, ...spoiledForms({ workspace: 'New team' }), form({ workspace: 'x' })].map((f) => () => createFirstWorkspaceAction(null, f)));
  expect(session.after).toEqual([]);
  expect(session.cookiesSet).toEqual([]);
  expect(await snapshot()).toEqual(before);
});

test('the same actions work for good arguments: the reset request answers once the mail is queued, the change re-issues no cookie without one', async () => {
  const answer = await requestPasswordResetAction(null, form({ email: email.toUpperCase() }));
  const unknown = await requestPasswordResetAction(null, form({ email: uniqueEmail() }));
  expect(answer).toEqual(unknown);
  expect(answer).toMatchObject({ ok: true });
  for (const task of session.after.splice(0)) await task();
  expect(await sql`SELECT 1 FROM password_resets WHERE user_id = ${userId}`).toHaveLength(1);

  expect(await changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: 'second-pass-2' }))).toEqual({ ok: true, data: undefined });
  const [user] = await sql`SELECT token_version FROM users WHERE id = ${userId}`;
  expect(user.token_version).toBe(1);
});
