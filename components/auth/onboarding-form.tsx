'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';

type State = ActionResult | null;

export function OnboardingForm({ action }: { action: (previous: State, form: FormData) => Promise<ActionResult> }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<State, FormData>(action, null);
  useEffect(() => {
    if (!state?.ok) return;
    router.replace('/overview');
    router.refresh();
  }, [state, router]);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <Field label="Workspace name" name="workspace" required placeholder="Acme Support" error={errors.workspace?.[0]} />
      <Button type="submit" className="w-full" disabled={pending || Boolean(state?.ok)}>
        {pending || state?.ok ? 'Creating your workspace…' : 'Create workspace'}
      </Button>
    </form>
  );
}
