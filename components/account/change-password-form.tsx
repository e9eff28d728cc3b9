'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function ChangePasswordForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state?.ok ? <Alert tone="success">Password changed. Every other session was signed out; this one stays signed in.</Alert> : null}
      {state && !state.ok && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword?.[0]} />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errors.newPassword?.[0]}
        hint="At least 10 characters, mixing letters with numbers or symbols."
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
