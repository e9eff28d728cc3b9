'use client';

import { useState, useTransition } from 'react';
import { deleteGoalAction } from '@/app/(dashboard)/goals/actions';
import { Button } from '@/components/ui/button';

export function DeleteGoalButton({ id, name }: { id: string; name: string }) {
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
      {error ? <span className="text-xs text-red-600">{error}</span> : <span className="text-xs text-gray-500">Its completions are removed too.</span>}
      <Button
        variant="danger"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await deleteGoalAction(id);
            if (!result.ok) setError(result.message);
          })
        }
      >
        {pending ? 'Deleting…' : 'Delete goal'}
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </span>
  );
}
