'use server';

import { revalidatePath } from 'next/cache';
import { storable } from '@/lib/auth/action-input';
import { withSession, type ActionResult } from '@/lib/auth/session';
import { digestPreferenceSchema, setDigestPreference } from '@/lib/digest/preferences';

/** Any member sets their own choice, in the current workspace only. */
export const setDigestPreferenceAction = withSession('viewer', async (context, enabled: unknown): Promise<ActionResult<{ enabled: boolean }>> => {
  const parsed = storable(digestPreferenceSchema).safeParse(enabled);
  if (!parsed.success) return { ok: false, message: 'Choose on or off.' };
  await setDigestPreference(context.workspace.id, context.user.id, parsed.data);
  revalidatePath('/settings/notifications');
  return { ok: true, data: { enabled: parsed.data } };
});
