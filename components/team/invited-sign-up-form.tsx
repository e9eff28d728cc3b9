'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';

/** Sign-up for an invited e-mail: the address is the invitation's, shown but not editable. */
export function InvitedSignUpForm({ email, signUp }: { email: string; signUp: (form: FormData) => Promise<ActionResult<{ email: string }>> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signUp(data);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.fieldErrors ? null : result.message);
        return;
      }
      await signIn('credentials', { redirect: false, email: result.data.email, password: String(data.get('password') ?? '') });
      router.replace('/overview');
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message ? <Alert>{message}</Alert> : null}
      <Field label="Email" name="email-shown" type="email" value={email} readOnly disabled hint="The invitation is for this address." />
      <Field label="Your name" name="name" autoComplete="name" error={errors.name?.[0]} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required error={errors.password?.[0]} hint="At least 10 characters, mixing letters with numbers or symbols." />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Joining…' : 'Create account and join'}
      </Button>
    </form>
  );
}
