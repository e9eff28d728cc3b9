import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { actionBodySchema, conversationParamsSchema } from '@/lib/ingest/parse/schemas';
import { addAction } from '@/lib/ingest/single';

/** Records a tool call: 201 new, 200 when an action with this id is already stored. */
export const POST = withApiKey<{ id: string }>(
  'ingest',
  withRateLimit(async (req, { workspaceId, params }) => {
    const { id } = conversationParamsSchema.parse(params);
    const body = actionBodySchema.parse(await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    const { created, action } = await addAction(workspaceId, id, body);
    return NextResponse.json(action, { status: created ? 201 : 200 });
  }),
);
