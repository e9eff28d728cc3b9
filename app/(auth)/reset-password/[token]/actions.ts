'use server';

import { formValue, storable } from '@/lib/auth/action-input';
import { resetPassword, resetPasswordSchema } from '@/lib/auth/password-reset';
import { invalidFields, type ActionResult } from '@/lib/auth/session';

const STATE_MESSAGES = {
  used: 'This link was already used. Request a new one if you still need to reset your password.',
  expired: 'This link has expired (links work for one hour). Request a new one.',
  unknown: 'This link is not valid. Request a new one.',
} as const;

/** For visitors holding an e-mailed link: sets the password and signs the account out everywhere. */
export async function resetPasswordAction(_previous: unknown, form: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = storable(resetPasswordSchema).safeParse({ token: formValue(form, 'token'), password: formValue(form, 'password') });
  if (!parsed.success) return invalidFields(parsed.error.issues);
  const result = await resetPassword(parsed.data);
  return result.ok ? { ok: true, data: { email: result.email } } : { ok: false, message: STATE_MESSAGES[result.state] };
}
