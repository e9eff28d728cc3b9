'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { useConfirmedAction } from '@/components/ui/confirm-button';
import type { ActionResult } from '@/lib/auth/session';

/** Two steps: Delete, then Confirm — erasure cannot be undone. */
export function DeleteConversationButton({ erase, backHref }: { erase: () => Promise<ActionResult<null>>; backHref: string }) {
  const router = useRouter();
  const { confirming, ask, cancel, run, pending, error } = useConfirmedAction(erase, () => router.replace(backHref));
  if (!confirming) {
    return <Button variant="secondary" onClick={ask}>Delete conversation…</Button>;
  }
  return (
    <div role="alertdialog" aria-label="Confirm deletion" className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 px-3 py-2 ring-1 ring-red-200">
      <span className="text-sm text-red-800">Erase this conversation and its data from every report? This cannot be undone.</span>
      <Button variant="danger" disabled={pending} onClick={run}>
        {pending ? 'Deleting…' : 'Delete permanently'}
      </Button>
      <Button variant="ghost" disabled={pending} onClick={cancel}>Cancel</Button>
      {error ? <p role="alert" className="w-full text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
