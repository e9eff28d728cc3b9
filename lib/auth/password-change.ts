/** Changing the password of a signed-in user: the current password is required, and every other session ends. */
import { z } from 'zod';
import { setPasswordHashAndBumpVersion } from '@/db/queries/account-security';
import { findUserById } from '@/db/queries/accounts';
import { hashPassword, passwordSchema, verifyPassword } from './password';
import { consumeLoginAttempt, resetLoginAttempts } from './rate-limit';

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(200),
    newPassword: passwordSchema,
  })
  .refine((data) => data.newPassword !== data.currentPassword, { path: ['newPassword'], message: 'Choose a password different from the current one' });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export type ChangePasswordResult =
  | { ok: true; tokenVersion: number }
  | { ok: false; field?: 'currentPassword'; message: string };

export const WRONG_CURRENT_PASSWORD = 'That is not your current password';

/**
 * Sets the new password and bumps the token version (ending every session) in one statement; on any refusal
 * nothing changes. Wrong guesses count against the same per-email budget as sign-in attempts.
 */
export async function changePassword(userId: string, input: ChangePasswordInput): Promise<ChangePasswordResult> {
  const data = changePasswordSchema.parse(input);
  const user = await findUserById(userId);
  if (!user) return { ok: false, message: 'Your account no longer exists.' };
  if (!user.passwordHash) return { ok: false, message: 'Your account has no password yet. Use "E-mail me a link" to set one.' };
  const limit = await consumeLoginAttempt(user.email, null);
  if (!limit.allowed) return { ok: false, message: 'Too many attempts. Wait a few minutes and try again.' };
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) return { ok: false, field: 'currentPassword', message: WRONG_CURRENT_PASSWORD };
  const updated = await setPasswordHashAndBumpVersion(user.id, await hashPassword(data.newPassword), { expectedHash: user.passwordHash });
  if (!updated) return { ok: false, message: 'Your password was changed meanwhile. Reload the page and try again.' };
  await resetLoginAttempts(user.email);
  return { ok: true, tokenVersion: updated.tokenVersion };
}
