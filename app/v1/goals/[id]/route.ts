import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { deleteGoal, getGoal, goalPatchSchema, updateGoal } from '@/lib/goals/service';

type Params = { id: string };

/** One goal; 404 for an id this workspace does not have. */
export const GET = withApiKey<Params>(
  'admin',
  withRateLimit(async (_req, { workspaceId, params }) => {
    const goal = await getGoal(workspaceId, params.id);
    if (!goal) throw notFound('Goal');
    return NextResponse.json(goal);
  }),
);

/** Changes the given fields; a new trigger or avatar re-runs the back-fill. 409 when the new name is taken. */
export const PATCH = withApiKey<Params>(
  'admin',
  withRateLimit(async (req, { workspaceId, keyId, params }) => {
    const patch = goalPatchSchema.parse(await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    const goal = await updateGoal(workspaceId, params.id, patch, { apiKeyId: keyId });
    if (!goal) throw notFound('Goal');
    return NextResponse.json(goal);
  }),
);

/** Deletes the goal and its completions (204). */
export const DELETE = withApiKey<Params>(
  'admin',
  withRateLimit(async (_req, { workspaceId, keyId, params }) => {
    if (!(await deleteGoal(workspaceId, params.id, { apiKeyId: keyId }))) throw notFound('Goal');
    return new Response(null, { status: 204 });
  }),
);
