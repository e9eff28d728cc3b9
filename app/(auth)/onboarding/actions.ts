'use server';

import { formValue, storable } from '@/lib/auth/action-input';
import { createFirstWorkspace, onboardingSchema } from '@/lib/auth/onboarding';
import { invalidFields, withSignedInUser, type ActionResult } from '@/lib/auth/session';

/** A signed-in user without a workspace names their first one; a second submit creates nothing. */
export const createFirstWorkspaceAction = withSignedInUser(async (user, _previous: unknown, form: unknown): Promise<ActionResult> => {
  const parsed = storable(onboardingSchema).safeParse({ workspace: formValue(form, 'workspace') });
  if (!parsed.success) return invalidFields(parsed.error.issues);
  await createFirstWorkspace(user.id, parsed.data);
  // Created now or by an earlier submit: either way the user has a workspace to go to.
  return { ok: true, data: undefined };
});
