'use client';

import { signIn } from 'next-auth/react';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Button } from '@/components/ui/button';
import type { OAuthProviderInfo } from '@/lib/auth/oauth-providers';
import type { ActionResult } from '@/lib/auth/session';

export type ConnectedIdentity = { provider: string; email: string | null; since: string };

/** Each configured provider: its linked identity with Disconnect, or Connect (an OAuth round trip that links). */
export function ConnectedAccounts({
  providers,
  identities,
  disconnect,
}: {
  providers: OAuthProviderInfo[];
  identities: ConnectedIdentity[];
  disconnect: (provider: string) => Promise<ActionResult>;
}) {
  return (
    <ul className="divide-y divide-gray-100">
      {providers.map((provider) => {
        const identity = identities.find((i) => i.provider === provider.id);
        return (
          <li key={provider.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="text-sm font-medium text-gray-900">{provider.label}</p>
              <p className="text-sm text-gray-500">{identity ? `Connected${identity.email ? ` as ${identity.email}` : ''} since ${identity.since}` : 'Not connected'}</p>
            </div>
            {identity ? (
              <ConfirmButton
                label="Disconnect"
                target={provider.label}
                verb="disconnecting"
                hint={`You will no longer sign in with ${provider.label}.`}
                confirmLabel="Disconnect"
                pendingLabel="Disconnecting…"
                action={() => disconnect(provider.id)}
              />
            ) : (
              <Button variant="secondary" onClick={() => void signIn(provider.id, { callbackUrl: `/settings/account?connected=${provider.id}` })} aria-label={`Connect ${provider.label}`}>
                Connect
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
