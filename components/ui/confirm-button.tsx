'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/session';

type Props = {
  /** The first button's text, e.g. "Delete"; with `target` also its accessible name ("Delete Lead captured"). */
  label: string;
  target: string;
  /** What confirming will do, shown beside the buttons. */
  hint: string;
  confirmLabel: string;
  pendingLabel?: string;
  /** A verb for the group's name: "Confirm deleting …". */
  verb: string;
  action: () => Promise<ActionResult<unknown>>;
  onDone?: () => void;
};

/**
 * The state of an action that asks once more: `ask` shows the confirmation, `run` performs the action and
 * calls `onDone` when it succeeds, or keeps its error message for display.
 */
export function useConfirmedAction(action: () => Promise<ActionResult<unknown>>, onDone?: () => void) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const result = await action();
      if (result.ok) onDone?.();
      else setError(result.message);
    });
  return { confirming, ask: () => setConfirming(true), cancel: () => setConfirming(false), run, pending, error };
}

/** A destructive action that asks once more: the first click shows a hint, Confirm and Cancel. */
export function ConfirmButton({ label, target, hint, confirmLabel, pendingLabel, verb, action, onDone }: Props) {
  const { confirming, ask, cancel, run, pending, error } = useConfirmedAction(action, onDone);
  if (!confirming) {
    return (
      <Button variant="ghost" className="text-red-600 hover:bg-red-50" onClick={ask} aria-label={`${label} ${target}`}>
        {label}
      </Button>
    );
  }
  return (
    <span role="group" aria-label={`Confirm ${verb} ${target}`} className="inline-flex items-center gap-2">
      {error ? <span className="text-xs text-red-600">{error}</span> : <span className="text-xs text-gray-500">{hint}</span>}
      <Button variant="danger" disabled={pending} onClick={run}>
        {pending && pendingLabel ? pendingLabel : confirmLabel}
      </Button>
      <Button variant="secondary" onClick={cancel}>
        Cancel
      </Button>
    </span>
  );
}
