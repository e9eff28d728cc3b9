'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';
import type { SentInvitation } from '@/lib/team/invitations';
import { InviteLink } from './invite-link';

const ROLES = [
  { value: 'viewer', hint: 'reads dashboards and transcripts' },
  { value: 'member', hint: 'also edits goals, funnels and alerts' },
  { value: 'admin', hint: 'also manages keys, webhooks, avatars and the team' },
  { value: 'owner', hint: 'also billing and deleting the workspace' },
];

export function InviteForm({ invite, canInviteOwners }: { invite: (form: FormData) => Promise<ActionResult<SentInvitation>>; canInviteOwners: boolean }) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [sent, setSent] = useState<SentInvitation | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await invite(data);
      if (result.ok) {
        setSent(result.data);
        setErrors({});
        setMessage(null);
        form.reset();
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.fieldErrors ? null : result.message);
      }
    });
  }

  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="text-base font-semibold text-gray-900">
        Invite someone
      </h2>
      {sent ? (
        <div className="mt-4">
          <InviteLink email={sent.email} link={sent.link} mailed={sent.mailed} onDone={() => setSent(null)} />
        </div>
      ) : (
        <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate aria-label="Invite someone">
          {message ? <Alert>{message}</Alert> : null}
          <Field label="E-mail" name="email" type="email" autoComplete="off" placeholder="ana@example.com" error={errors.email?.[0]} />
          <SelectField label="Role" name="role" defaultValue="member" error={errors.role?.[0]}>
            {ROLES.filter((r) => canInviteOwners || r.value !== 'owner').map((r) => (
              <option key={r.value} value={r.value}>
                {r.value[0].toUpperCase() + r.value.slice(1)} — {r.hint}
              </option>
            ))}
          </SelectField>
          <Button type="submit" disabled={pending}>
            {pending ? 'Inviting…' : 'Send invitation'}
          </Button>
        </form>
      )}
    </section>
  );
}
