'use server';

import { revalidatePath } from 'next/cache';
import { ApiError } from '@/lib/api/errors';
import { actionId, storable } from '@/lib/auth/action-input';
import { invalidFields, withSession, type ActionResult } from '@/lib/auth/session';
import { funnelInputSchema } from '@/lib/funnels/schemas';
import { createFunnel, deleteFunnel, updateFunnel, type Funnel } from '@/lib/funnels/service';

// An id that could never name a funnel gets the same answer as one that no longer does.
const GONE: ActionResult<never> = { ok: false, message: 'This funnel no longer exists.' };

async function save(write: () => Promise<Funnel | null>): Promise<ActionResult<{ id: string }>> {
  try {
    const funnel = await write();
    if (!funnel) return GONE;
    revalidatePath('/goals/funnels', 'layout');
    return { ok: true, data: { id: funnel.id } };
  } catch (error) {
    // A goal step naming a goal this workspace does not have (deleted meanwhile).
    if (error instanceof ApiError && error.status === 422 && error.details) return invalidFields(error.details);
    throw error;
  }
}

export const createFunnelAction = withSession('member', async (context, input: unknown) => {
  const parsed = storable(funnelInputSchema).safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return save(() => createFunnel(context.workspace.id, parsed.data, { userId: context.user.id }));
});

/** The builder always sends the whole funnel. */
export const updateFunnelAction = withSession('member', async (context, id: unknown, input: unknown) => {
  const funnelId = actionId.safeParse(id);
  if (!funnelId.success) return GONE;
  const parsed = storable(funnelInputSchema).safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return save(() => updateFunnel(context.workspace.id, funnelId.data, parsed.data, { userId: context.user.id }));
});

export const deleteFunnelAction = withSession('member', async (context, id: unknown): Promise<ActionResult> => {
  const funnelId = actionId.safeParse(id);
  if (!funnelId.success || !(await deleteFunnel(context.workspace.id, funnelId.data, { userId: context.user.id }))) return GONE;
  revalidatePath('/goals/funnels', 'layout');
  return { ok: true, data: undefined };
});
