'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/session';

/** The member's own weekly-digest switch; saves on change and says so. */
export function DigestPreferenceToggle({ enabled, action }: { enabled: boolean; action: (enabled: boolean) => Promise<ActionResult<{ enabled: boolean }>> }) {
  const [checked, setChecked] = useState(enabled);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onChange(next: boolean) {
    setChecked(next);
    startTransition(async () => {
      const result = await action(next);
      if (result.ok) setStatus({ tone: 'ok', text: result.data.enabled ? 'Saved: you will get the weekly digest.' : 'Saved: you will not get the weekly digest.' });
      else {
        setChecked(!next);
        setStatus({ tone: 'error', text: result.message });
      }
    });
  }

  return (
    <div className="space-y-2">
      <label className="flex items-center gap-3 text-sm font-medium text-gray-900">
        <input
          type="checkbox"
          role="switch"
          aria-checked={checked}
          checked={checked}
          disabled={pending}
          onChange={(event) => onChange(event.currentTarget.checked)}
          className="h-4 w-4 rounded border-gray-300 text-indigo-600 focus:ring-indigo-600"
        />
        E-mail me the weekly digest
      </label>
      <p role="status" className={`min-h-5 text-sm ${status?.tone === 'error' ? 'text-red-600' : 'text-gray-500'}`}>
        {status?.text ?? ''}
      </p>
    </div>
  );
}
