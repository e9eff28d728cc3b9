'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/session';

/** Sends the same event (same webhook-id, so receivers dedupe) once more. */
export function RedeliverButton({ redeliver }: { redeliver: () => Promise<ActionResult> }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex items-center gap-3">
      {message ? (
        <span role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-emerald-700' : 'text-red-600'}`}>
          {message.text}
        </span>
      ) : null}
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await redeliver();
            setMessage(result.ok ? { ok: true, text: 'Queued again.' } : { ok: false, text: result.message });
          })
        }
      >
        {pending ? 'Queuing…' : 'Redeliver'}
      </Button>
    </span>
  );
}
