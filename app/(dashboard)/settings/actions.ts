'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import { insertAuditEntry } from '@/db/queries/audit';
import { getWorkspaceSettings, updateWorkspaceSettings, type WorkspaceSettings } from '@/db/queries/workspaces';
import { formValue, storable } from '@/lib/auth/action-input';
import { withSession } from '@/lib/auth/session';
import { workspaceSettingsSchema } from '@/lib/workspaces/schemas';

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
