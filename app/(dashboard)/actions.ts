'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getSessionContext, WORKSPACE_COOKIE, type ActionResult } from '@/lib/auth/session';

/** Makes another of the user's workspaces the current one. */
export async function switchWorkspaceAction(workspaceId: string): Promise<ActionResult> {
  const context = await getSessionContext();
  if (!context) return { ok: false, message: 'Your session has ended. Sign in again.' };
  if (!context.workspaces.some((w) => w.id === workspaceId)) return { ok: false, message: 'Workspace not found' };
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
  revalidatePath('/', 'layout');
  return { ok: true, data: undefined };
}
