'use server';

import { revalidatePath } from 'next/cache';
import { actionId } from '@/lib/auth/action-input';
import { withSession, type ActionResult } from '@/lib/auth/session';
import { eraseConversation } from '@/lib/transcripts/erase';

/** Erases one conversation of the current workspace (admins and owners). */
export const deleteConversationAction = withSession('admin', async (context, id: unknown): Promise<ActionResult<null>> => {
  const conversationId = actionId.safeParse(id);
  if (!conversationId.success) return { ok: false, message: 'Unknown conversation.' };
  const erased = await eraseConversation(context.workspace.id, conversationId.data, { userId: context.user.id });
  if (!erased) return { ok: false, message: 'This conversation no longer exists.' };
  revalidatePath('/transcripts');
  revalidatePath('/overview');
  return { ok: true, data: null };
});
