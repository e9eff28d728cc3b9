import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { conversationBodySchema } from '@/lib/ingest/parse/schemas';
import { getOrCreateConversation } from '@/lib/ingest/single';
import { listConversationsRoute } from '@/lib/transcripts/list-route';

/** Get-or-create: 201 with the new conversation, 200 with the existing one (now counted as interacted). */
export const POST = withApiKey(
  'ingest',
  withRateLimit(async (req, { workspaceId }) => {
    const body = conversationBodySchema.parse(await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    const { created, conversation } = await getOrCreateConversation(workspaceId, body);
    return NextResponse.json(conversation, { status: created ? 201 : 200 });
  }),
);

/** The conversation list (JSON, cursor-paginated) and CSV export, with the transcript filters. */
export const GET = listConversationsRoute;
