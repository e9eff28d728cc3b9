/**
 * Password reset by e-mailed link: a 32-byte random token of which only the SHA-256 is stored, used once,
 * valid for an hour. The request answers the same whether or not the address has an account.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/db';
import { consumePasswordReset, findPasswordReset, insertPasswordReset, setPasswordHashAndBumpVersion, usePasswordResetsOfUser } from '@/db/queries/account-security';
import { findUserByEmail, listWorkspacesForUser } from '@/db/queries/accounts';
import { sendMail } from '@/lib/mail';
import { emailSchema } from './accounts';
import { hashPassword, passwordSchema } from './password';
import { consumePasswordResetRequest, resetLoginAttempts } from './rate-limit';

export const RESET_TOKEN_TTL_MS = 60 * 60_000;

/** 32 bytes in base64url: 43 characters. */
export const resetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not a valid reset link');
export const requestPasswordResetSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ token: resetTokenSchema, password: passwordSchema });

/** What the form says after every request, whatever happened. */
export const RESET_REQUESTED_MESSAGE =
  'If an account uses that address, we have e-mailed it a link to choose a new password. The link works once, for one hour.';

export const hashResetToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type ResetTokenState = 'valid' | 'expired' | 'used' | 'unknown';

/** Whether a reset link can still be used, for the page that opens it. */
export async function resetTokenState(token: string, now = new Date()): Promise<ResetTokenState> {
  const parsed = resetTokenSchema.safeParse(token);
  const row = parsed.success ? await findPasswordReset(hashResetToken(parsed.data)) : null;
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  return row.expiresAt > now ? 'valid' : 'expired';
}

/**
 * E-mails a reset link to the account with this address, if there is one (else does nothing). The mail
 * belongs to the user's first workspace (the dev outbox is per workspace); a user without one gets no mail,
 * which is logged. Returns the token only so that tests can follow the link.
 */
export async function requestPasswordReset(input: { email: string; origin: string; ip?: string | null; now?: Date }): Promise<string | null> {
  const { email } = requestPasswordResetSchema.parse(input);
  const now = input.now ?? new Date();
  const user = await findUserByEmail(email);
  if (!user) return null;
  if (!(await consumePasswordResetRequest(email, input.ip ?? null, now))) {
    console.warn(`Password reset for user ${user.id} not sent: too many requests in this window`);
    return null;
  }
  const [workspace] = await listWorkspacesForUser(user.id);
  if (!workspace) {
    console.warn(`Password reset for user ${user.id} not sent: they belong to no workspace, and mail is sent on behalf of one`);
    return null;
  }
  const token = randomBytes(32).toString('base64url');
  await insertPasswordReset({ tokenHash: hashResetToken(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) });
  await sendMail(workspace.id, user.email, {
    subject: 'Reset your Confab password',
    heading: 'Choose a new password',
    paragraphs: [
      `Someone (hopefully you) asked to reset the password of the Confab account ${user.email}.`,
      'The link works once, for one hour. Choosing a new password signs you out everywhere.',
      'If you did not ask for this, ignore this e-mail: your password stays as it is.',
    ],
    action: { label: 'Choose a new password', url: `${input.origin.replace(/\/$/, '')}/reset-password/${token}` },
    footer: 'You receive this because a password reset was requested for your Confab account.',
  });
  return token;
}

export type ResetPasswordResult = { ok: true; email: string } | { ok: false; state: Exclude<ResetTokenState, 'valid'> };

/**
 * Sets the password for a valid token, uses up the token (and any other open reset of the user) and bumps the
 * token version, in one transaction. Invalid input throws before the token is touched, so a weak password
 * does not burn the link.
 */
export async function resetPassword(input: { token: string; password: string }, now = new Date()): Promise<ResetPasswordResult> {
  const data = resetPasswordSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  const tokenHash = hashResetToken(data.token);
  const email = await db.transaction(async (tx) => {
    const userId = await consumePasswordReset(tokenHash, now, tx);
    if (!userId) return null;
    await usePasswordResetsOfUser(userId, now, tx);
    const updated = await setPasswordHashAndBumpVersion(userId, passwordHash, { tx });
    return updated?.email ?? null;
  });
  if (!email) {
    const state = await resetTokenState(data.token, now);
    return { ok: false, state: state === 'valid' ? 'unknown' : state };
  }
  await resetLoginAttempts(email);
  return { ok: true, email };
}
