/**
 * The signed-in person and their current workspace, for pages and server actions.
 * The current workspace is remembered in a cookie and always re-checked against memberships.
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { findUserById, listWorkspacesForUser } from '@/db/queries/accounts';
import type { Role } from '@/db/schema';
import { clientIpFromHeaders } from '@/lib/http/client-ip';
import { runWithRequestContext } from '@/db/request-context';
import { authOptions } from './options';
import { roleAtLeast } from './roles';
import { isTokenVersionCurrent } from './token-version';

export const WORKSPACE_COOKIE = 'confab-workspace';

export type WorkspaceSummary = Awaited<ReturnType<typeof listWorkspacesForUser>>[number];
export type SessionContext = {
  user: { id: string; email: string; name: string | null };
  workspace: WorkspaceSummary;
  role: Role;
  workspaces: WorkspaceSummary[];
};

/**
 * The signed-in user, whether or not they belong to a workspace, or null. The session's token version is
 * checked here as well as in next-auth's jwt callback, so a revoked session never resolves to its user.
 */
export async function getSignedInUser(): Promise<SessionContext['user'] | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await findUserById(userId);
  return user && isTokenVersionCurrent(session.user?.tokenVersion, user) ? { id: user.id, email: user.email, name: user.name } : null;
}

/** The signed-in context, or null for a visitor (or a user who belongs to no workspace). */
export async function getSessionContext(): Promise<SessionContext | null> {
  const user = await getSignedInUser();
  if (!user) return null;
  const workspaces = await listWorkspacesForUser(user.id);
  if (workspaces.length === 0) return null;
  const wanted = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const workspace = workspaces.find((w) => w.id === wanted) ?? workspaces[0];
  return { user: { id: user.id, email: user.email, name: user.name }, workspace, role: workspace.role, workspaces };
}

/**
 * For pages: the context, or a redirect to sign-in that returns to `returnTo` afterwards; a signed-in user
 * with no workspace left (theirs was deleted) goes to the page that creates one.
 */
export async function requireSessionContext(returnTo = '/overview'): Promise<SessionContext> {
  const context = await getSessionContext();
  if (context) return context;
  // Signed in without a workspace (a new GitHub/Google user, or one removed from every team): name one first.
  if (await getSignedInUser()) redirect('/onboarding');
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> };

/**
 * A form's validation failure, its messages keyed by field path (`name`, `trigger.pattern`, `steps.2.count`)
 * so the form shows each under its field; issues without a path go under `form`.
 */
export function invalidFields(issues: readonly { path: string | readonly PropertyKey[]; message: string }[]): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    (fieldErrors[path || 'form'] ??= []).push(issue.message);
  }
  return { ok: false, message: 'Check the highlighted fields.', fieldErrors };
}

/**
 * Wraps a server action: requires a signed-in member with at least `role` in the current workspace, and runs
 * it in the request context (the client IP the audit log records).
 */
export function withSession<Args extends unknown[], T>(
  role: Role,
  action: (context: SessionContext, ...args: Args) => Promise<ActionResult<T>>,
) {
  return async (...args: Args): Promise<ActionResult<T>> => {
    const context = await getSessionContext();
    if (!context) return { ok: false, message: 'Your session has ended. Sign in again.' };
    if (!roleAtLeast(context.role, role)) return { ok: false, message: `This needs the ${role} role or higher.` };
    const ip = clientIpFromHeaders(await headers());
    return runWithRequestContext({ ip }, () => action(context, ...args));
  };
}

export type SignedInUser = NonNullable<Awaited<ReturnType<typeof getSignedInUser>>>;

/**
 * Wraps a server action for a signed-in user who need not belong to a workspace (onboarding, creating one,
 * accepting an invitation): no role to check, only that the user exists.
 */
export function withSignedInUser<Args extends unknown[], T>(action: (user: SignedInUser, ...args: Args) => Promise<ActionResult<T>>) {
  return async (...args: Args): Promise<ActionResult<T>> => {
    const user = await getSignedInUser();
    if (!user) return { ok: false, message: 'Your session has ended. Sign in again.' };
    const ip = clientIpFromHeaders(await headers());
    return runWithRequestContext({ ip }, () => action(user, ...args));
  };
}
