'use client';

import { revokeApiKeyAction } from '@/app/(dashboard)/settings/api-keys/actions';
import { ConfirmButton } from '@/components/ui/confirm-button';

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmButton
      label="Revoke"
      verb="revoking"
      target={name}
      hint="Clients using it stop at once."
      confirmLabel="Confirm revoke"
      action={() => revokeApiKeyAction(id)}
    />
  );
}
