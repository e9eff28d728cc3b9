'use client';

import { deleteGoalAction } from '@/app/(dashboard)/goals/actions';
import { ConfirmButton } from '@/components/ui/confirm-button';

export function DeleteGoalButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmButton
      label="Delete"
      verb="deleting"
      target={name}
      hint="Its completions are removed too."
      confirmLabel="Delete goal"
      pendingLabel="Deleting…"
      action={() => deleteGoalAction(id)}
    />
  );
}
