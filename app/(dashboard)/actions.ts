'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { actionUuid } from '@/lib/auth/action-input';
import { getSessionContext, WORKSPACE_COOKIE, type ActionResult } from '@/lib/auth/session';

/** Makes another of the user's workspaces the current one. */
export async function switchWorkspaceAction(workspaceId: unknown): Promise<ActionResult> {
  const id = actionUuid.safeParse(workspaceId);
  const context = await getSessionContext();
  if (!context) return { ok: false, message: 'Your session has ended. Sign in again.' };
  if (!id.success || !context.workspaces.some((w) => w.id === id.data)) return { ok: false, message: 'Workspace not found' };
  (await cookies()).set(WORKSPACE_COOKIE, id.data, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
  revalidatePath('/', 'layout');
  return { ok: true, data: undefined };
}
