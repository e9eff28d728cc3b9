'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteFunnelAction } from '@/app/(dashboard)/goals/funnels/actions';
import { Button } from '@/components/ui/button';

/** Deletes after a second click; then shows the funnels that are left. */
export function DeleteFunnelButton({ id, name, query }: { id: string; name: string; query: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <Button variant="ghost" className="text-red-600 hover:bg-red-50" onClick={() => setConfirming(true)} aria-label={`Delete ${name}`}>
        Delete
      </Button>
    );
  }
  return (
    <span role="group" aria-label={`Confirm deleting ${name}`} className="inline-flex items-center gap-2">
      {error ? <span className="text-xs text-red-600">{error}</span> : <span className="text-xs text-gray-500">Conversations are not affected.</span>}
      <Button
        variant="danger"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await deleteFunnelAction(id);
            if (result.ok) router.push(`/goals/funnels${query}`);
            else setError(result.message);
          })
        }
      >
        {pending ? 'Deleting…' : 'Delete funnel'}
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </span>
  );
}
