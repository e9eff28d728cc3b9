'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';

type State = ActionResult<{ email: string }> | null;

export function ResetPasswordForm({ token, action }: { token: string; action: (previous: State, form: FormData) => Promise<ActionResult<{ email: string }>> }) {
  const [state, formAction, pending] = useActionState<State, FormData>(action, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your password is changed and every session of {state.data.email} was signed out.</Alert>
        <Link href="/sign-in" className="block text-center text-sm font-semibold text-indigo-600 hover:text-indigo-500">
          Sign in with your new password
        </Link>
      </div>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.password?.[0] ?? errors.token?.[0]}
        hint="At least 10 characters, mixing letters with numbers or symbols."
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  );
}
