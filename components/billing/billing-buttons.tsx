'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/session';

type Open = () => Promise<ActionResult<{ url: string }>>;

/** Asks the server for a Stripe URL (Checkout or the Portal) and sends the browser there. */
function StripeRedirectButton({ open, label, pendingLabel, variant }: { open: Open; label: string; pendingLabel: string; variant: 'primary' | 'secondary' }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant={variant}
        className="w-full"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await open();
            if (result.ok) window.location.assign(result.data.url);
            else setMessage(result.message);
          })
        }
      >
        {pending ? pendingLabel : label}
      </Button>
      {message ? (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function UpgradeButton({ planName, checkout }: { planName: string; checkout: Open }) {
  return <StripeRedirectButton open={checkout} label={`Upgrade to ${planName}`} pendingLabel="Opening Checkout…" variant="primary" />;
}

export function ManageBillingButton({ portal }: { portal: Open }) {
  return <StripeRedirectButton open={portal} label="Manage billing" pendingLabel="Opening the billing portal…" variant="secondary" />;
}
