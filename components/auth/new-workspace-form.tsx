'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';

type CreateAction = (form: FormData) => Promise<ActionResult<{ slug: string }>>;

export function NewWorkspaceForm({ action }: { action: CreateAction }) {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(data);
      if (result.ok) {
        router.replace('/overview');
        router.refresh();
      }
      else setError({ message: result.message, field: result.fieldErrors?.name?.[0] });
    });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && !error.field ? <Alert>{error.message}</Alert> : null}
      <Field label="Workspace name" name="name" required autoComplete="organization" error={error?.field} />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? 'Creating…' : 'Create workspace'}</Button>
    </form>
  );
}
