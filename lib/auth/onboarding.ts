/** A signed-in user without a workspace (new via GitHub/Google) names their first one and becomes its owner. */
import { z } from 'zod';
import { insertFirstWorkspace } from '@/db/queries/accounts';
import { signUpSchema, slugify } from './accounts';

export const onboardingSchema = z.object({ workspace: signUpSchema.shape.workspace });
export type OnboardingInput = z.input<typeof onboardingSchema>;

/** The new workspace, or null when the user already belongs to one (nothing is written then). */
export async function createFirstWorkspace(userId: string, input: OnboardingInput) {
  const { workspace } = onboardingSchema.parse(input);
  return insertFirstWorkspace(userId, { name: workspace, slug: slugify(workspace) });
}
