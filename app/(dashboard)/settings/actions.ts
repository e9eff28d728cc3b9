'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { db } from '@/db';
import { insertAuditEntry } from '@/db/queries/audit';
import { getWorkspaceSettings, updateWorkspaceSettings, type WorkspaceSettings } from '@/db/queries/workspaces';
import { formValue, storable } from '@/lib/auth/action-input';
import { invalidFields, WORKSPACE_COOKIE, withSession, type ActionResult } from '@/lib/auth/session';
import { deleteWorkspaceConfirmed } from '@/lib/workspaces/delete';
import { deleteWorkspaceSchema, workspaceSettingsSchema } from '@/lib/workspaces/schemas';

/** Saves Settings › General; answers with the values as stored so the form can show them. */
export const updateWorkspaceSettingsAction = withSession('admin', async (context, form: unknown) => {
  const parsed = storable(workspaceSettingsSchema).safeParse({
    name: formValue(form, 'name'),
    timezone: formValue(form, 'timezone'),
    inactivityTimeoutMinutes: formValue(form, 'inactivityTimeoutMinutes'),
    escalationToolNames: formValue(form, 'escalationToolNames'),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, message: 'Check the highlighted fields.', fieldErrors };
  }
  const saved = await db.transaction(async (tx) => {
    const before = await getWorkspaceSettings(context.workspace.id, tx);
    const after = await updateWorkspaceSettings(context.workspace.id, parsed.data, tx);
    if (!before || !after) return null;
    const changed = (Object.keys(after) as (keyof WorkspaceSettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    if (changed.length > 0) {
      await insertAuditEntry(tx, context.workspace.id, {
        actorUserId: context.user.id,
        action: 'workspace.settings_updated',
        targetType: 'workspace',
        targetId: context.workspace.id,
        details: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
      });
    }
    return after;
  });
  if (!saved) return { ok: false, message: 'This workspace no longer exists.' };
  // The name shows in the sidebar and the timezone shapes every chart, so the whole dashboard is stale.
  revalidatePath('/', 'layout');
  return { ok: true, data: saved };
});

/**
 * Deletes the current workspace and all of its data, once the owner has typed its slug; answers where to go
 * next: another workspace of theirs, or the page that creates one.
 */
export const deleteWorkspaceAction = withSession('owner', async (context, form: unknown): Promise<ActionResult<{ redirectTo: string }>> => {
  const parsed = storable(deleteWorkspaceSchema).safeParse({ confirmSlug: formValue(form, 'confirmSlug') });
  if (!parsed.success) return invalidFields(parsed.error.issues);
  const outcome = await deleteWorkspaceConfirmed(context.workspace, parsed.data.confirmSlug, { userId: context.user.id, email: context.user.email });
  if (!outcome.ok) {
    if (outcome.reason === 'gone') return { ok: false, message: 'This workspace no longer exists.' };
    return { ok: false, message: 'Check the highlighted fields.', fieldErrors: { confirmSlug: [`Type ${context.workspace.slug} exactly to confirm.`] } };
  }
  const next = context.workspaces.find((w) => w.id !== context.workspace.id);
  const jar = await cookies();
  if (next) jar.set(WORKSPACE_COOKIE, next.id, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
  else jar.delete(WORKSPACE_COOKIE);
  revalidatePath('/', 'layout');
  return { ok: true, data: { redirectTo: next ? '/overview' : '/onboarding' } };
});
