'use server';

import { cookies } from 'next/headers';
import { db } from '@/db';
import { insertWorkspace, upsertMembership } from '@/db/queries/accounts';
import { insertAuditEntry } from '@/db/queries/audit';
import { slugify } from '@/lib/auth/accounts';
import { formValue, storable } from '@/lib/auth/action-input';
import { invalidFields, WORKSPACE_COOKIE, withSignedInUser } from '@/lib/auth/session';
import { newWorkspaceSchema } from '@/lib/workspaces/schemas';

/** Creates a workspace the signed-in user owns and makes it their current one. */
export const createWorkspaceAction = withSignedInUser(async (user, form: unknown) => {
  const parsed = storable(newWorkspaceSchema).safeParse({ name: formValue(form, 'name') });
  if (!parsed.success) return invalidFields(parsed.error.issues);
  const workspace = await db.transaction(async (tx) => {
    const created = await insertWorkspace({ name: parsed.data.name, slug: slugify(parsed.data.name) }, tx);
    await upsertMembership(created.id, user.id, 'owner', tx);
    await insertAuditEntry(tx, created.id, { actorUserId: user.id, action: 'workspace.created', targetType: 'workspace', targetId: created.id });
    return created;
  });
  (await cookies()).set(WORKSPACE_COOKIE, workspace.id, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
  return { ok: true, data: { slug: workspace.slug } };
});
