/** What the sign-in page says for the `error` it is sent back with (our OAuth refusals, next-auth's own codes). */
import { OAUTH_REFUSAL_REASONS, oauthRefusalMessage, type OAuthRefusalReason } from './oauth';
import { providerLabel } from './oauth-providers';

export function signInErrorMessage(error: unknown, provider: unknown): string | null {
  if (typeof error !== 'string' || !error) return null;
  const providerId = typeof provider === 'string' ? provider : '';
  if (OAUTH_REFUSAL_REASONS.includes(error as OAuthRefusalReason)) return oauthRefusalMessage(error as OAuthRefusalReason, providerId);
  if (error === 'SessionRequired') return 'Sign in to continue.';
  return `Signing in${providerId ? ` with ${providerLabel(providerId)}` : ''} did not work. Try again.`;
}
