'use client';

import { useState, useTransition } from 'react';
import { deleteAvatarAction, updateAvatarAction } from '@/app/(dashboard)/settings/avatars/actions';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Field } from '@/components/ui/field';
import type { Avatar } from '@/lib/avatars/service';

type Props = { avatar: Avatar; created: string; canEdit: boolean };

/** One avatar: its name, description and id; admins rename it in place or delete it. */
export function AvatarRow({ avatar, created, canEdit }: Props) {
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await updateAvatarAction(avatar.id, data);
      if (result.ok) {
        setEditing(false);
        setErrors({});
      } else {
        setErrors(result.fieldErrors ?? { name: [result.message] });
      }
    });
  }

  const cancel = () => {
    setEditing(false);
    setErrors({});
  };

  if (editing) {
    return (
      <tr>
        <td colSpan={4} className="px-6 py-4">
          <form onSubmit={onSubmit} className="grid gap-3 md:grid-cols-[1fr_1.5fr_auto] md:items-start" noValidate aria-label={`Rename ${avatar.name}`}>
            <Field label="Name" name="name" id={`avatar-${avatar.id}-name`} defaultValue={avatar.name} error={errors.name?.[0]} />
            <Field label="Description" name="description" id={`avatar-${avatar.id}-description`} defaultValue={avatar.description ?? ''} error={errors.description?.[0]} />
            <div className="flex gap-2 md:mt-7">
              <Button type="submit" disabled={pending}>
                {pending ? 'Saving…' : 'Save'}
              </Button>
              <Button variant="secondary" onClick={cancel}>
                Cancel
              </Button>
            </div>
          </form>
        </td>
      </tr>
    );
  }

  return (
    <tr className="text-gray-900">
      <td className="min-w-40 px-6 py-3">
        <span className="font-medium">{avatar.name}</span>
        {avatar.description ? <span className="block text-xs text-gray-500">{avatar.description}</span> : null}
      </td>
      <td className="whitespace-nowrap px-3 py-3 font-mono text-xs text-gray-600">{avatar.id}</td>
      <td className="whitespace-nowrap px-3 py-3 text-gray-500">{created}</td>
      <td className="whitespace-nowrap px-6 py-3 text-right">
        {canEdit ? (
          <span className="inline-flex items-center gap-1">
            <Button variant="ghost" onClick={() => setEditing(true)} aria-label={`Rename ${avatar.name}`}>
              Rename
            </Button>
            <ConfirmButton
              label="Delete"
              verb="deleting"
              target={avatar.name}
              hint="Only an avatar without conversations can go."
              confirmLabel="Confirm delete"
              action={() => deleteAvatarAction(avatar.id)}
            />
          </span>
        ) : null}
      </td>
    </tr>
  );
}
