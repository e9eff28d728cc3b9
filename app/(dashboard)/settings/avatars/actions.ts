'use server';

import { revalidatePath } from 'next/cache';
import { ApiError } from '@/lib/api/errors';
import { actionId, formFields, storable } from '@/lib/auth/action-input';
import { invalidFields, withSession, type ActionResult } from '@/lib/auth/session';
import { avatarInputSchema, avatarPatchSchema, createAvatar, deleteAvatar, updateAvatar, type Avatar } from '@/lib/avatars/service';

// A blank id field means "generate one".
const withoutBlankId = (fields: Record<string, FormDataEntryValue> | null) =>
  fields && Object.fromEntries(Object.entries(fields).filter(([f, v]) => f !== 'id' || typeof v !== 'string' || v.trim() !== ''));
const GONE: ActionResult<never> = { ok: false, message: 'This avatar no longer exists.' };

async function save(write: () => Promise<Avatar | null>, conflictField: string): Promise<ActionResult<{ id: string }>> {
  try {
    const avatar = await write();
    if (!avatar) return GONE;
    // Avatar names show on every dashboard page.
    revalidatePath('/', 'layout');
    return { ok: true, data: { id: avatar.id } };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return { ok: false, message: error.message, fieldErrors: { [conflictField]: [error.message] } };
    throw error;
  }
}

export const createAvatarAction = withSession('admin', async (context, form: unknown) => {
  const parsed = storable(avatarInputSchema).safeParse(withoutBlankId(formFields(form, ['id', 'name', 'description'])));
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return save(() => createAvatar(context.workspace.id, parsed.data, { userId: context.user.id }), 'id');
});

export const updateAvatarAction = withSession('admin', async (context, id: unknown, form: unknown) => {
  const avatarId = actionId.safeParse(id);
  if (!avatarId.success) return GONE;
  const parsed = storable(avatarPatchSchema).safeParse(formFields(form, ['name', 'description']));
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return save(() => updateAvatar(context.workspace.id, avatarId.data, parsed.data, { userId: context.user.id }), 'name');
});

export const deleteAvatarAction = withSession('admin', async (context, id: unknown): Promise<ActionResult> => {
  const avatarId = actionId.safeParse(id);
  if (!avatarId.success) return GONE;
  try {
    await deleteAvatar(context.workspace.id, avatarId.data, { userId: context.user.id });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
      return error.status === 404 ? GONE : { ok: false, message: 'It has conversations; erase them first.' };
    }
    throw error;
  }
  revalidatePath('/', 'layout');
  return { ok: true, data: undefined };
});
