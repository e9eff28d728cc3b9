import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { createGoal, goalInputSchema, listGoals } from '@/lib/goals/service';

/** Every goal of the workspace, oldest first, with its back-fill status. */
export const GET = withApiKey(
  'admin',
  withRateLimit(async (_req, { workspaceId }) => NextResponse.json({ data: await listGoals(workspaceId) })),
);

/** Creates a goal (201) and queues the back-fill of its completions over existing conversations; 409 when the name is taken. */
export const POST = withApiKey(
  'admin',
  withRateLimit(async (req, { workspaceId, keyId }) => {
    const input = goalInputSchema.parse(await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    return NextResponse.json(await createGoal(workspaceId, input, { apiKeyId: keyId }), { status: 201 });
  }),
);
