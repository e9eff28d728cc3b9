'use client';

import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/session';

/** A signed-in user with the invited e-mail joins with one click. */
export function AcceptInvitationButton({ workspaceName, accept }: { workspaceName: string; accept: () => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <Button
        className="w-full"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await accept();
            if (!result.ok) return setError(result.message);
            router.replace('/overview');
            router.refresh();
          })
        }
      >
        {pending ? 'Joining…' : `Join ${workspaceName}`}
      </Button>
    </div>
  );
}

/** Signed in as someone else: sign out and come back to the same link. */
export function SwitchAccountButton({ returnTo }: { returnTo: string }) {
  return (
    <Button variant="secondary" className="w-full" onClick={() => void signOut({ callbackUrl: `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` })}>
      Sign out and switch account
    </Button>
  );
}
