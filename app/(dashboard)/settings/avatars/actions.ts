'use server';

import { revalidatePath } from 'next/cache';
import { ApiError } from '@/lib/api/errors';
import { invalidFields, withSession, type ActionResult } from '@/lib/auth/session';
import { avatarInputSchema, avatarPatchSchema, createAvatar, deleteAvatar, updateAvatar, type Avatar } from '@/lib/avatars/service';

const fromForm = (form: FormData, fields: string[]) =>
  Object.fromEntries(fields.flatMap((f) => (form.has(f) ? [[f, String(form.get(f))]] : [])).filter(([f, v]) => f !== 'id' || v.trim() !== ''));

async function save(write: () => Promise<Avatar | null>, conflictField: string): Promise<ActionResult<{ id: string }>> {
  try {
    const avatar = await write();
    if (!avatar) return { ok: false, message: 'This avatar no longer exists.' };
    // Avatar names show on every dashboard page.
    revalidatePath('/', 'layout');
    return { ok: true, data: { id: avatar.id } };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return { ok: false, message: error.message, fieldErrors: { [conflictField]: [error.message] } };
    throw error;
  }
}

export const createAvatarAction = withSession('admin', async (context, form: FormData) => {
  const parsed = avatarInputSchema.safeParse(fromForm(form, ['id', 'name', 'description']));
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return save(() => createAvatar(context.workspace.id, parsed.data, { userId: context.user.id }), 'id');
});

export const updateAvatarAction = withSession('admin', async (context, id: string, form: FormData) => {
  const parsed = avatarPatchSchema.safeParse(fromForm(form, ['name', 'description']));
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return save(() => updateAvatar(context.workspace.id, String(id), parsed.data, { userId: context.user.id }), 'name');
});

export const deleteAvatarAction = withSession('admin', async (context, id: string): Promise<ActionResult> => {
  try {
    await deleteAvatar(context.workspace.id, String(id), { userId: context.user.id });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
      return { ok: false, message: error.status === 404 ? 'This avatar no longer exists.' : 'It has conversations; erase them first.' };
    }
    throw error;
  }
  revalidatePath('/', 'layout');
  return { ok: true, data: undefined };
});
