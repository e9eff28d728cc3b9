'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/session';

/** For accounts without a password: the password-reset e-mail sets the first one. */
export function SetPasswordLink({ action }: { action: () => Promise<ActionResult<{ email: string }>> }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ email: string }> | null>(null);
  if (result?.ok) return <Alert tone="success">We e-mailed a link to {result.data.email}. It works once, for one hour.</Alert>;
  return (
    <div className="space-y-3">
      {result && !result.ok ? <Alert>{result.message}</Alert> : null}
      <Button variant="secondary" disabled={pending} onClick={() => startTransition(async () => setResult(await action()))}>
        {pending ? 'Sending…' : 'E-mail me a link to set a password'}
      </Button>
    </div>
  );
}
