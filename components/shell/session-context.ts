/**
 * lib/auth/session's requireSessionContext for the dashboard's server components, resolved once per
 * request: the layout and its page both ask, and each answer costs three queries (the token's user, the
 * user, the memberships) on the database's one embedded session.
 */
import { cache } from 'react';
import { getSessionContext, requireSessionContext as requireFresh, type SessionContext } from '@/lib/auth/session';

const sessionOnce = cache(getSessionContext);

export async function requireSessionContext(returnTo?: string): Promise<SessionContext> {
  return (await sessionOnce()) ?? requireFresh(returnTo);
}
