'use server';

import { after } from 'next/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formValue, storable } from '@/lib/auth/action-input';
import { disconnectOAuthAccount } from '@/lib/auth/oauth';
import { changePassword, changePasswordSchema } from '@/lib/auth/password-change';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { reissueSessionCookie } from '@/lib/auth/session-cookie';
import { invalidFields, withSession, type ActionResult } from '@/lib/auth/session';
import { signOutEverywhere } from '@/lib/auth/token-version';
import { requestOrigin } from '@/lib/http/origin';

/** Every other session ends; this one is re-issued with the new token version so it stays signed in. */
export const changePasswordAction = withSession('viewer', async (context, _previous: unknown, form: unknown): Promise<ActionResult> => {
  const parsed = storable(changePasswordSchema).safeParse({ currentPassword: formValue(form, 'currentPassword'), newPassword: formValue(form, 'newPassword') });
  if (!parsed.success) return invalidFields(parsed.error.issues);
  const result = await changePassword(context.user.id, parsed.data);
  if (!result.ok) return result.field ? { ok: false, message: result.message, fieldErrors: { [result.field]: [result.message] } } : result;
  await reissueSessionCookie(result.tokenVersion);
  return { ok: true, data: undefined };
});

/** Ends every session of the user, this one included; the client then signs out. */
export const signOutEverywhereAction = withSession('viewer', async (context): Promise<ActionResult> => {
  await signOutEverywhere(context.user.id);
  return { ok: true, data: undefined };
});

/** For an account without a password (GitHub/Google only): the reset e-mail sets its first one. */
export const sendPasswordLinkAction = withSession('viewer', async (context): Promise<ActionResult<{ email: string }>> => {
  const origin = await requestOrigin();
  const email = context.user.email;
  after(() => requestPasswordReset({ email, origin }).catch((error: unknown) => console.error('Password link not sent', error)));
  return { ok: true, data: { email } };
});

const providerSchema = z.enum(['github', 'google']);

export const disconnectOAuthAction = withSession('viewer', async (context, provider: unknown): Promise<ActionResult> => {
  const parsed = storable(providerSchema).safeParse(provider);
  if (!parsed.success) return { ok: false, message: 'Unknown provider.' };
  const result = await disconnectOAuthAccount(context.user.id, parsed.data);
  if (!result.ok) return result;
  revalidatePath('/settings/account');
  return { ok: true, data: undefined };
});
