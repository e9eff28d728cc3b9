'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useActionState, useEffect, useRef } from 'react';
import { signUpAction, type SignUpState } from '@/app/(auth)/sign-up/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<SignUpState, FormData>(signUpAction, null);
  const password = useRef('');

  useEffect(() => {
    if (!state?.ok) return;
    void signIn('credentials', { redirect: false, email: state.data.email, password: password.current }).then(() => {
      router.replace(callbackUrl);
      router.refresh();
    });
  }, [state, callbackUrl, router]);

  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const values = state?.values;
  return (
    <form key={JSON.stringify(values ?? {})} action={formAction} className="space-y-4" noValidate onSubmit={(e) => (password.current = String(new FormData(e.currentTarget).get('password') ?? ''))}>
      {state && !state.ok && !state.fieldErrors ? <Alert>{state.message}</Alert> : null}
      <Field label="Your name" name="name" autoComplete="name" defaultValue={values?.name} error={errors.name?.[0]} />
      <Field label="Work email" name="email" type="email" autoComplete="email" required defaultValue={values?.email} error={errors.email?.[0]} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.password?.[0]}
        hint="At least 10 characters, mixing letters with numbers or symbols."
      />
      <Field label="Workspace name" name="workspace" required placeholder="Acme Support" defaultValue={values?.workspace} error={errors.workspace?.[0]} />
      <Button type="submit" className="w-full" disabled={pending || Boolean(state?.ok)}>
        {pending || state?.ok ? 'Creating your workspace…' : 'Create account'}
      </Button>
    </form>
  );
}
