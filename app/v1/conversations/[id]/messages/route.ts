import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { conversationParamsSchema, messageBodySchema, messageListBodySchema } from '@/lib/ingest/parse/schemas';
import { addMessages } from '@/lib/ingest/single';

/** One message (answered with the message) or `{ messages: [...] }` (answered with `{ messages }`). */
export const POST = withApiKey<{ id: string }>(
  'ingest',
  withRateLimit(async (req, { workspaceId, params }) => {
    const { id } = conversationParamsSchema.parse(params);
    const raw = await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES);
    const isList = typeof raw === 'object' && raw !== null && 'messages' in raw;
    const bodies = isList ? messageListBodySchema.parse(raw).messages : [messageBodySchema.parse(raw)];
    const { created, messages } = await addMessages(workspaceId, id, bodies);
    return NextResponse.json(isList ? { messages } : messages[0], { status: created ? 201 : 200 });
  }),
);
