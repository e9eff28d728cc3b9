'use server';

import { revalidatePath } from 'next/cache';
import { ApiError } from '@/lib/api/errors';
import { invalidFields, withSession, type ActionResult } from '@/lib/auth/session';
import { funnelInputSchema } from '@/lib/funnels/schemas';
import { createFunnel, deleteFunnel, updateFunnel, type Funnel } from '@/lib/funnels/service';

async function save(write: () => Promise<Funnel | null>): Promise<ActionResult<{ id: string }>> {
  try {
    const funnel = await write();
    if (!funnel) return { ok: false, message: 'This funnel no longer exists.' };
    revalidatePath('/goals/funnels', 'layout');
    return { ok: true, data: { id: funnel.id } };
  } catch (error) {
    // A goal step naming a goal this workspace does not have (deleted meanwhile).
    if (error instanceof ApiError && error.status === 422 && error.details) return invalidFields(error.details);
    throw error;
  }
}

export const createFunnelAction = withSession('member', async (context, input: unknown) => {
  const parsed = funnelInputSchema.safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return save(() => createFunnel(context.workspace.id, parsed.data, { userId: context.user.id }));
});

/** The builder always sends the whole funnel. */
export const updateFunnelAction = withSession('member', async (context, id: string, input: unknown) => {
  const parsed = funnelInputSchema.safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return save(() => updateFunnel(context.workspace.id, String(id), parsed.data, { userId: context.user.id }));
});

export const deleteFunnelAction = withSession('member', async (context, id: string) => {
  if (!(await deleteFunnel(context.workspace.id, String(id), { userId: context.user.id }))) return { ok: false, message: 'This funnel no longer exists.' };
  revalidatePath('/goals/funnels', 'layout');
  return { ok: true, data: undefined };
});
