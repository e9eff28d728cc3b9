'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';

type DeleteAction = (form: FormData) => Promise<ActionResult<{ redirectTo: string }>>;

/** Settings › General's danger zone (owners): the workspace goes only once its slug is typed. */
export function DeleteWorkspaceForm({ slug, name, action }: { slug: string; name: string; action: DeleteAction }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(data);
      // A full load: the sidebar, the switcher and every cached page belonged to the deleted workspace.
      if (result.ok) window.location.assign(result.data.redirectTo);
      else setError({ message: result.message, field: result.fieldErrors?.confirmSlug?.[0] });
    });
  }

  return (
    <section aria-labelledby="danger-zone" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-red-200">
      <h2 id="danger-zone" className="text-base font-semibold text-red-700">Delete this workspace</h2>
      <p className="mt-1 text-sm text-gray-600">
        Erases {name} and all of its data — conversations, goals, alerts, webhooks, API keys, members, the audit log — for good. Members move to another workspace of theirs.
      </p>
      <form onSubmit={onSubmit} className="mt-4 space-y-3">
        <Field
          label={`Type “${slug}” to confirm`}
          name="confirmSlug"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setError(null);
          }}
          error={error?.field}
        />
        {error && !error.field ? <Alert>{error.message}</Alert> : null}
        <Button type="submit" variant="danger" disabled={pending || typed.trim() !== slug}>
          {pending ? 'Deleting…' : 'Delete workspace'}
        </Button>
      </form>
    </section>
  );
}
