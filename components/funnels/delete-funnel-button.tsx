'use client';

import { useRouter } from 'next/navigation';
import { deleteFunnelAction } from '@/app/(dashboard)/goals/funnels/actions';
import { ConfirmButton } from '@/components/ui/confirm-button';

/** Deletes after a second click; then shows the funnels that are left. */
export function DeleteFunnelButton({ id, name, query }: { id: string; name: string; query: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Delete"
      verb="deleting"
      target={name}
      hint="Conversations are not affected."
      confirmLabel="Delete funnel"
      pendingLabel="Deleting…"
      action={() => deleteFunnelAction(id)}
      onDone={() => router.push(`/goals/funnels${query}`)}
    />
  );
}
