'use client';

import { signOut } from 'next-auth/react';
import { useConfirmedAction } from '@/components/ui/confirm-button';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/session';

/** Ends every session of the account, this one included, then leaves for sign-in. */
export function SignOutEverywhere({ action }: { action: () => Promise<ActionResult> }) {
  const { confirming, ask, cancel, run, pending, error } = useConfirmedAction(action, () => void signOut({ callbackUrl: '/sign-in' }));
  if (!confirming) {
    return (
      <Button variant="secondary" onClick={ask}>
        Sign out everywhere
      </Button>
    );
  }
  return (
    <div role="group" aria-label="Confirm signing out everywhere" className="flex flex-wrap items-center gap-2">
      <p className={`w-full text-sm ${error ? 'text-red-600' : 'text-gray-600'}`}>{error ?? 'Every browser and device signed in to this account will be signed out, this one too.'}</p>
      <Button variant="danger" disabled={pending} onClick={run}>
        {pending ? 'Signing out…' : 'Sign out all sessions'}
      </Button>
      <Button variant="secondary" onClick={cancel}>
        Cancel
      </Button>
    </div>
  );
}
