'use server';

import { EmailTakenError, signUp, signUpSchema } from '@/lib/auth/accounts';
import { formValue, storable } from '@/lib/auth/action-input';
import type { ActionResult } from '@/lib/auth/session';

/** Failed submissions echo the typed values (never the password) because React resets the form after an action. */
export type SignUpState = (ActionResult<{ email: string }> & { values?: Record<'name' | 'email' | 'workspace', string> }) | null;

const echo = (value: FormDataEntryValue) => (typeof value === 'string' ? value : '');

export async function signUpAction(_previous: unknown, form: unknown): Promise<SignUpState> {
  const fields = { name: formValue(form, 'name'), email: formValue(form, 'email'), workspace: formValue(form, 'workspace') };
  const values = { name: echo(fields.name), email: echo(fields.email), workspace: echo(fields.workspace) };
  const parsed = storable(signUpSchema).safeParse({ ...fields, password: formValue(form, 'password') });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, message: 'Check the highlighted fields.', fieldErrors, values };
  }
  try {
    const { user } = await signUp(parsed.data);
    return { ok: true, data: { email: user.email } };
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return { ok: false, message: 'Check the highlighted fields.', fieldErrors: { email: ['An account with this email already exists. Sign in instead.'] }, values };
    }
    throw error;
  }
}
