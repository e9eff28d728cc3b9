'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import type { ActionResult } from '@/lib/auth/session';
import type { SentInvitation } from '@/lib/team/invitations';
import { InviteLink } from './invite-link';

/** Resend (a new link; the old one stops working) and revoke, for one pending invitation. */
export function InvitationActions({ email, resend, revoke }: { email: string; resend: () => Promise<ActionResult<SentInvitation>>; revoke: () => Promise<ActionResult> }) {
  const [pending, startTransition] = useTransition();
  const [sent, setSent] = useState<SentInvitation | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (sent) return <InviteLink email={sent.email} link={sent.link} mailed={sent.mailed} onDone={() => setSent(null)} />;
  return (
    <span className="inline-flex items-center gap-1">
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
      <Button
        variant="ghost"
        disabled={pending}
        aria-label={`Resend invitation to ${email}`}
        onClick={() =>
          startTransition(async () => {
            const result = await resend();
            if (result.ok) setSent(result.data);
            else setError(result.message);
          })
        }
      >
        Resend
      </Button>
      <ConfirmButton label="Revoke" verb="revoking" target={`invitation to ${email}`} hint="The link stops working." confirmLabel="Confirm revoke" action={revoke} />
    </span>
  );
}
