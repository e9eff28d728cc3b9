import { createHash } from 'node:crypto';
import { afterAll, expect, test, vi } from 'vitest';
import { closeDb, sql } from '@/db';
import { findUserById, insertUser } from '@/db/queries/accounts';
import { uniqueEmail } from '@/test/factories';
import { checkCredentials, signUp } from './accounts';
import { requestPasswordReset, resetPassword, resetTokenState, RESET_TOKEN_TTL_MS } from './password-reset';

afterAll(closeDb);

const ORIGIN = 'https://confab.test';

const newAccount = async () => {
  const email = uniqueEmail();
  const { user, workspace } = await signUp({ email, password: 'first-pass-1', workspace: 'Reset' });
  return { email, user, workspace };
};

test('a request e-mails a one-hour link to the dev outbox of the first workspace, and stores only the token hash', async () => {
  const { email, user, workspace } = await newAccount();
  const token = await requestPasswordReset({ email: email.toUpperCase(), origin: ORIGIN });
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const rows = await sql<{ token_hash: string; expires_at: Date; created_at: Date }[]>`SELECT token_hash, expires_at, created_at FROM password_resets WHERE user_id = ${user.id}`;
  expect(rows).toHaveLength(1);
  expect(rows[0].token_hash).toBe(createHash('sha256').update(token!).digest('hex'));
  expect(rows[0].token_hash).not.toContain(token!);
  expect(rows[0].expires_at.getTime() - rows[0].created_at.getTime()).toBeGreaterThan(RESET_TOKEN_TTL_MS - 5_000);
  expect(rows[0].expires_at.getTime() - rows[0].created_at.getTime()).toBeLessThanOrEqual(RESET_TOKEN_TTL_MS + 5_000);
  const mail = await sql<{ to: string; subject: string; text: string }[]>`SELECT "to", subject, text FROM dev_mail WHERE workspace_id = ${workspace.id}`;
  expect(mail).toHaveLength(1);
  expect(mail[0].to).toBe(email);
  expect(mail[0].subject).toMatch(/reset/i);
  expect(mail[0].text).toContain(`${ORIGIN}/reset-password/${token}`);
});

test('an unknown address gets the same silent treatment: no token, no mail', async () => {
  const email = uniqueEmail();
  expect(await requestPasswordReset({ email, origin: ORIGIN })).toBeNull();
  expect(await sql`SELECT 1 FROM dev_mail WHERE "to" = ${email}`).toHaveLength(0);
});

test('a user who belongs to no workspace gets no mail, and it is logged', async () => {
  const user = await insertUser({ email: uniqueEmail(), passwordHash: null });
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    expect(await requestPasswordReset({ email: user!.email, origin: ORIGIN })).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no workspace'));
  } finally {
    warn.mockRestore();
  }
  expect(await sql`SELECT 1 FROM password_resets WHERE user_id = ${user!.id}`).toHaveLength(0);
});

test('a token sets the password once, bumps the token version and uses up the other open links', async () => {
  const { email, user } = await newAccount();
  const older = await requestPasswordReset({ email, origin: ORIGIN });
  const token = await requestPasswordReset({ email, origin: ORIGIN });
  expect(await resetTokenState(token!)).toBe('valid');
  expect(await resetPassword({ token: token!, password: 'second-pass-2' })).toEqual({ ok: true, email });
  expect((await findUserById(user.id))?.tokenVersion).toBe(1);
  expect(await checkCredentials(email, 'second-pass-2')).not.toBeNull();
  expect(await checkCredentials(email, 'first-pass-1')).toBeNull();

  expect(await resetPassword({ token: token!, password: 'third-pass-3' })).toEqual({ ok: false, state: 'used' });
  expect(await resetPassword({ token: older!, password: 'third-pass-3' })).toEqual({ ok: false, state: 'used' });
  expect(await resetTokenState(token!)).toBe('used');
  expect(await checkCredentials(email, 'second-pass-2')).not.toBeNull();
  expect((await findUserById(user.id))?.tokenVersion).toBe(1);
});

test('a token older than an hour is expired and changes nothing', async () => {
  const { email, user } = await newAccount();
  const issued = new Date(Date.now() - RESET_TOKEN_TTL_MS - 60_000);
  const token = await requestPasswordReset({ email, origin: ORIGIN, now: issued });
  expect(await resetTokenState(token!)).toBe('expired');
  expect(await resetTokenState(token!, new Date(issued.getTime() + RESET_TOKEN_TTL_MS - 1000))).toBe('valid');
  expect(await resetPassword({ token: token!, password: 'second-pass-2' })).toEqual({ ok: false, state: 'expired' });
  expect(await checkCredentials(email, 'first-pass-1')).not.toBeNull();
  expect((await findUserById(user.id))?.tokenVersion).toBe(0);
});

test('a weak password is refused without using up the link; unknown and malformed tokens are unknown', async () => {
  const { email } = await newAccount();
  const token = await requestPasswordReset({ email, origin: ORIGIN });
  await expect(resetPassword({ token: token!, password: 'short' })).rejects.toThrow(/at least 10/);
  expect(await resetTokenState(token!)).toBe('valid');
  expect(await resetTokenState('x'.repeat(43))).toBe('unknown');
  expect(await resetTokenState('../../etc')).toBe('unknown');
  expect(await resetPassword({ token: 'x'.repeat(43), password: 'second-pass-2' })).toEqual({ ok: false, state: 'unknown' });
});

test('requests per address are throttled: the fourth in a window sends nothing', async () => {
  const { email, user } = await newAccount();
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const tokens = [];
    for (let i = 0; i < 4; i++) tokens.push(await requestPasswordReset({ email, origin: ORIGIN }));
    expect(tokens.filter(Boolean)).toHaveLength(3);
    expect(tokens[3]).toBeNull();
  } finally {
    warn.mockRestore();
  }
  expect(await sql`SELECT 1 FROM password_resets WHERE user_id = ${user.id}`).toHaveLength(3);
});
