'use client';

import { useState, useTransition } from 'react';
import { revokeApiKeyAction } from '@/app/(dashboard)/settings/api-keys/actions';
import { Button } from '@/components/ui/button';

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <Button variant="ghost" className="text-red-600 hover:bg-red-50" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
    );
  }
  return (
    <span className="inline-flex items-center gap-2">
      {error ? <span className="text-xs text-red-600">{error}</span> : <span className="text-xs text-gray-500">Clients using it stop at once.</span>}
      <Button
        variant="danger"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await revokeApiKeyAction(id);
            if (!result.ok) setError(result.message);
          })
        }
      >
        Confirm revoke
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </span>
  );
}
