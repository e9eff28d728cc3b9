'use server';

import { revalidatePath } from 'next/cache';
import { withSession } from '@/lib/auth/session';
import { eraseConversation } from '@/lib/transcripts/erase';

/** Erases one conversation of the current workspace (admins and owners). */
export const deleteConversationAction = withSession('admin', async (context, id: string) => {
  if (typeof id !== 'string' || id.length === 0 || id.length > 500) return { ok: false, message: 'Unknown conversation.' };
  const erased = await eraseConversation(context.workspace.id, id, { userId: context.user.id });
  if (!erased) return { ok: false, message: 'This conversation no longer exists.' };
  revalidatePath('/transcripts');
  revalidatePath('/overview');
  return { ok: true, data: null };
});
