/** Which OAuth providers this server offers: GitHub and Google, each only when its client id and secret are set. */
export type OAuthProviderId = 'github' | 'google';
export type OAuthProviderInfo = { id: OAuthProviderId; label: string };

export const OAUTH_PROVIDER_LABELS: Record<OAuthProviderId, string> = { github: 'GitHub', google: 'Google' };

export function providerLabel(id: string): string {
  return OAUTH_PROVIDER_LABELS[id as OAuthProviderId] ?? id;
}

export function configuredOAuthProviders(env: Record<string, string | undefined> = process.env): OAuthProviderInfo[] {
  const providers: OAuthProviderInfo[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push({ id: 'github', label: 'GitHub' });
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) providers.push({ id: 'google', label: 'Google' });
  return providers;
}
