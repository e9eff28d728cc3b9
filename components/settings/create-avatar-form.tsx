'use client';

import { useState, useTransition } from 'react';
import { createAvatarAction } from '@/app/(dashboard)/settings/avatars/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

type Errors = Record<string, string[] | undefined>;

export function CreateAvatarForm() {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<string | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await createAvatarAction(data);
      if (result.ok) {
        setCreated(result.data.id);
        setErrors({});
        form.reset();
      } else {
        setCreated(null);
        setErrors(result.fieldErrors ?? { form: [result.message] });
      }
    });
  }

  return (
    <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <h2 className="text-base font-semibold text-gray-900">Add an avatar</h2>
      <p className="mt-1 text-sm text-gray-500">Conversations name their avatar by id; one Confab has not seen yet is added on its own.</p>
      <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        {errors.form ? <Alert>{errors.form[0]}</Alert> : null}
        {created ? (
          <Alert tone="success">
            Avatar <code className="font-mono">{created}</code> added. Send this id as <code className="font-mono">avatarId</code>.
          </Alert>
        ) : null}
        {/* Side by side below the list; stacked in the narrow column beside it on wide screens. */}
        <div className="grid gap-4 md:grid-cols-3 2xl:grid-cols-1">
          <Field label="Name" name="name" id="new-avatar-name" placeholder="Support Bot" error={errors.name?.[0]} />
          <Field label="Avatar id" name="id" id="new-avatar-id" placeholder="support-bot" hint="Leave it empty to get a generated avt_… id." error={errors.id?.[0]} />
          <Field label="Description" name="description" id="new-avatar-description" placeholder="Answers order and returns questions" error={errors.description?.[0]} />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add avatar'}
        </Button>
      </form>
    </div>
  );
}
