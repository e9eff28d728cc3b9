'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import { revokeApiKey } from '@/db/queries/api-keys';
import { insertAuditEntry } from '@/db/queries/audit';
import { createApiKey, createApiKeySchema } from '@/lib/auth/api-keys';
import { actionUuid, formValue, formValues, storable } from '@/lib/auth/action-input';
import { withSession, type ActionResult } from '@/lib/auth/session';

export const createApiKeyAction = withSession('admin', async (context, form: unknown) => {
  const parsed = storable(createApiKeySchema).safeParse({ name: formValue(form, 'name'), scopes: formValues(form, 'scopes') });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, message: 'Check the highlighted fields.', fieldErrors };
  }
  const created = await db.transaction(async (tx) => {
    const key = await createApiKey(context.workspace.id, { ...parsed.data, createdBy: context.user.id }, tx);
    await insertAuditEntry(tx, context.workspace.id, {
      actorUserId: context.user.id,
      action: 'api_key.created',
      targetType: 'api_key',
      targetId: key.id,
      details: { name: key.name, scopes: key.scopes, prefix: key.prefix },
    });
    return key;
  });
  revalidatePath('/settings/api-keys');
  return { ok: true, data: { key: created.key, name: created.name } };
});

export const revokeApiKeyAction = withSession('admin', async (context, id: unknown): Promise<ActionResult> => {
  const keyId = actionUuid.safeParse(id);
  const revoked = keyId.success
    ? await db.transaction(async (tx) => {
        const row = await revokeApiKey(context.workspace.id, keyId.data, tx);
        if (row) await insertAuditEntry(tx, context.workspace.id, { actorUserId: context.user.id, action: 'api_key.revoked', targetType: 'api_key', targetId: row.id });
        return row;
      })
    : null;
  if (!revoked) return { ok: false, message: 'That key does not exist or is already revoked.' };
  revalidatePath('/settings/api-keys');
  return { ok: true, data: undefined };
});
