'use server';

import { after } from 'next/server';
import { formValue, storable } from '@/lib/auth/action-input';
import { requestPasswordReset, requestPasswordResetSchema, RESET_REQUESTED_MESSAGE } from '@/lib/auth/password-reset';
import { invalidFields, type ActionResult } from '@/lib/auth/session';
import { requestOrigin } from '@/lib/http/origin';

/**
 * For visitors. Answers the same for every well-formed address, and does the work after the response, so
 * neither the answer nor its timing tells whether an account exists.
 */
export async function requestPasswordResetAction(_previous: unknown, form: unknown): Promise<ActionResult<{ message: string }>> {
  const parsed = storable(requestPasswordResetSchema).safeParse({ email: formValue(form, 'email') });
  if (!parsed.success) return invalidFields(parsed.error.issues);
  const origin = await requestOrigin();
  const { email } = parsed.data;
  after(() => requestPasswordReset({ email, origin }).catch((error: unknown) => console.error('Password reset e-mail failed', error)));
  return { ok: true, data: { message: RESET_REQUESTED_MESSAGE } };
}
