'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';

/** Re-queues every failed delivery since a moment the admin picks (in their own clock, sent as ISO). */
export function RecoverFailedForm({ recover }: { recover: (since: string) => Promise<ActionResult<{ requeued: number }>> }) {
  const [pending, startTransition] = useTransition();
  const [since, setSince] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const at = new Date(since);
    if (!since || Number.isNaN(at.getTime())) {
      setError('Choose a date and time.');
      return;
    }
    startTransition(async () => {
      const result = await recover(at.toISOString());
      setError(result.ok ? null : (result.fieldErrors?.since?.[0] ?? result.message));
      setDone(result.ok ? `${result.data.requeued} failed deliver${result.data.requeued === 1 ? 'y' : 'ies'} requeued.` : null);
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-2" noValidate>
      <Field
        label="Recover failed since"
        name="since"
        id="recover-since"
        type="datetime-local"
        className="w-64"
        value={since}
        onChange={(e) => setSince(e.target.value)}
        error={error ?? undefined}
        hint={done ? <span role="status" className="text-emerald-700">{done}</span> : 'Your local time.'}
      />
      <Button type="submit" variant="secondary" disabled={pending} className="mt-7">
        {pending ? 'Requeuing…' : 'Requeue failed'}
      </Button>
    </form>
  );
}
