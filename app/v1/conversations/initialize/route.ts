import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { conversationBodySchema } from '@/lib/ingest/parse/schemas';
import { initializeConversation } from '@/lib/ingest/single';

/** Starts a conversation as not yet interacted: 201 new, 200 (unchanged) when it exists. */
export const POST = withApiKey(
  'ingest',
  withRateLimit(async (req, { workspaceId }) => {
    const body = conversationBodySchema.parse(await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    const { created, conversation } = await initializeConversation(workspaceId, body);
    return NextResponse.json(conversation, { status: created ? 201 : 200 });
  }),
);
