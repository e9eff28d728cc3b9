'use client';

import { signIn } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import type { OAuthProviderInfo } from '@/lib/auth/oauth-providers';

/** "Continue with GitHub/Google" above the e-mail form; nothing when no provider is configured. */
export function OAuthButtons({ providers, callbackUrl }: { providers: OAuthProviderInfo[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="mb-6 space-y-3">
      {providers.map((provider) => (
        <Button key={provider.id} variant="secondary" className="w-full" onClick={() => void signIn(provider.id, { callbackUrl })}>
          Continue with {provider.label}
        </Button>
      ))}
      <p className="flex items-center gap-3 text-xs uppercase tracking-wide text-gray-400 before:h-px before:flex-1 before:bg-gray-200 after:h-px after:flex-1 after:bg-gray-200">or</p>
    </div>
  );
}
