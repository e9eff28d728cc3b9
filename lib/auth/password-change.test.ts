import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { findUserById } from '@/db/queries/accounts';
import { uniqueEmail } from '@/test/factories';
import { checkCredentials, signUp } from './accounts';
import { changePassword, WRONG_CURRENT_PASSWORD } from './password-change';

afterAll(closeDb);

const newAccount = async () => {
  const email = uniqueEmail();
  const { user } = await signUp({ email, password: 'first-pass-1', workspace: 'Password change' });
  return { email, user };
};

test('a wrong current password is refused and changes nothing', async () => {
  const { email, user } = await newAccount();
  const before = await findUserById(user.id);
  expect(await changePassword(user.id, { currentPassword: 'not-my-pass-1', newPassword: 'second-pass-2' })).toEqual({
    ok: false,
    field: 'currentPassword',
    message: WRONG_CURRENT_PASSWORD,
  });
  const after = await findUserById(user.id);
  expect(after?.passwordHash).toBe(before?.passwordHash);
  expect(after?.tokenVersion).toBe(before?.tokenVersion);
  expect(await checkCredentials(email, 'first-pass-1')).not.toBeNull();
  expect(await checkCredentials(email, 'second-pass-2')).toBeNull();
});

test('the right current password sets the new one and bumps the token version', async () => {
  const { email, user } = await newAccount();
  const result = await changePassword(user.id, { currentPassword: 'first-pass-1', newPassword: 'second-pass-2' });
  expect(result).toEqual({ ok: true, tokenVersion: 1 });
  expect((await findUserById(user.id))?.tokenVersion).toBe(1);
  expect(await checkCredentials(email, 'second-pass-2')).not.toBeNull();
  expect(await checkCredentials(email, 'first-pass-1')).toBeNull();
});

test('a weak or unchanged new password is rejected before anything is checked or written', async () => {
  const { user } = await newAccount();
  const before = await findUserById(user.id);
  await expect(changePassword(user.id, { currentPassword: 'first-pass-1', newPassword: 'short' })).rejects.toThrow(/at least 10/);
  await expect(changePassword(user.id, { currentPassword: 'first-pass-1', newPassword: 'first-pass-1' })).rejects.toThrow(/different/);
  expect(await findUserById(user.id)).toEqual(before);
});

test('an account without a password cannot change one (it sets one by e-mailed link)', async () => {
  const { user } = await newAccount();
  const { sql } = await import('@/db');
  await sql`UPDATE users SET password_hash = NULL WHERE id = ${user.id}`;
  const result = await changePassword(user.id, { currentPassword: 'first-pass-1', newPassword: 'second-pass-2' });
  expect(result.ok).toBe(false);
  expect((await findUserById(user.id))?.passwordHash).toBeNull();
});
