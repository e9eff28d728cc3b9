'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';

type State = ActionResult<{ message: string }> | null;

export function ForgotPasswordForm({ action }: { action: (previous: State, form: FormData) => Promise<ActionResult<{ message: string }>> }) {
  const [state, formAction, pending] = useActionState<State, FormData>(action, null);
  if (state?.ok) return <Alert tone="success">{state.data.message}</Alert>;
  const error = state && !state.ok ? state.fieldErrors?.email?.[0] ?? state.message : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field label="Email" name="email" type="email" autoComplete="email" required error={error} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Sending…' : 'E-mail me a reset link'}
      </Button>
    </form>
  );
}
