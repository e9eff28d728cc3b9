'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, SelectField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';
import type { SentInvitation } from '@/lib/team/invitations';
import { InviteLink } from './invite-link';

const ROLES = ['viewer', 'member', 'admin', 'owner'] as const;
const ROLE_HINT = 'Viewers read; members also edit goals, funnels and alerts; admins also manage keys, webhooks, avatars and the team; owners also billing.';

export function InviteForm({ invite, canInviteOwners }: { invite: (form: FormData) => Promise<ActionResult<SentInvitation>>; canInviteOwners: boolean }) {
  const [sent, setSent] = useState<SentInvitation | null>(null);
  const { pending, errors, message, onSubmit } = useFormAction(invite, setSent);

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
          <SelectField label="Role" name="role" defaultValue="member" error={errors.role?.[0]} hint={ROLE_HINT}>
            {ROLES.filter((r) => canInviteOwners || r !== 'owner').map((r) => (
              <option key={r} value={r}>
                {r[0].toUpperCase() + r.slice(1)}
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
