'use server';

import { revalidatePath } from 'next/cache';
import { ApiError } from '@/lib/api/errors';
import { actionId, storable } from '@/lib/auth/action-input';
import { invalidFields, withSession, type ActionResult } from '@/lib/auth/session';
import { createGoal, deleteGoal, goalInputSchema, goalPatchSchema, updateGoal, type Goal } from '@/lib/goals/service';

// An id that could never name a goal gets the same answer as one that no longer does.
const GONE: ActionResult<never> = { ok: false, message: 'This goal no longer exists.' };

async function save(write: () => Promise<Goal | null>): Promise<ActionResult<{ id: string }>> {
  try {
    const goal = await write();
    if (!goal) return GONE;
    // The Overview's completion rate and the transcripts' goal flags follow the goal too.
    revalidatePath('/', 'layout');
    return { ok: true, data: { id: goal.id } };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return { ok: false, message: error.message, fieldErrors: { name: [error.message] } };
    throw error;
  }
}

export const createGoalAction = withSession('member', async (context, input: unknown) => {
  const parsed = storable(goalInputSchema).safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return save(() => createGoal(context.workspace.id, parsed.data, { userId: context.user.id }));
});

/** Takes only the changed fields: an unchanged trigger must not start a new back-fill. */
export const updateGoalAction = withSession('member', async (context, id: unknown, patch: unknown) => {
  const goalId = actionId.safeParse(id);
  if (!goalId.success) return GONE;
  const parsed = storable(goalPatchSchema).safeParse(patch);
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return save(() => updateGoal(context.workspace.id, goalId.data, parsed.data, { userId: context.user.id }));
});

export const deleteGoalAction = withSession('member', async (context, id: unknown): Promise<ActionResult> => {
  const goalId = actionId.safeParse(id);
  if (!goalId.success || !(await deleteGoal(context.workspace.id, goalId.data, { userId: context.user.id }))) return GONE;
  revalidatePath('/', 'layout');
  return { ok: true, data: undefined };
});
