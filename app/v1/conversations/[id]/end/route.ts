import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { conversationParamsSchema, endBodySchema } from '@/lib/ingest/parse/schemas';
import { endConversation } from '@/lib/ingest/single';

/** Ends the conversation (200 with it); ending it again is a no-op. */
export const POST = withApiKey<{ id: string }>(
  'ingest',
  withRateLimit(async (req, { workspaceId, params }) => {
    const { id } = conversationParamsSchema.parse(params);
    const body = endBodySchema.parse(await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    const { conversation } = await endConversation(workspaceId, id, body);
    return NextResponse.json(conversation, { status: 200 });
  }),
);
