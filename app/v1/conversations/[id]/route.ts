import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { eraseConversation } from '@/lib/transcripts/erase';
import { getTranscript } from '@/lib/transcripts/transcript';

type Params = { id: string };

/** The full transcript; 404 for an id this workspace does not have. */
export const GET = withApiKey<Params>(
  'read',
  withRateLimit(async (_req, { workspaceId, params }) => {
    const transcript = await getTranscript(workspaceId, params.id);
    if (!transcript) throw notFound('Conversation');
    return NextResponse.json(transcript);
  }),
);

/** Erases the conversation and its contribution to every metric (GDPR); 204, or 404 when there is none. */
export const DELETE = withApiKey<Params>(
  'admin',
  withRateLimit(async (_req, { workspaceId, keyId, params }) => {
    const erased = await eraseConversation(workspaceId, params.id, { apiKeyId: keyId });
    if (!erased) throw notFound('Conversation');
    return new Response(null, { status: 204 });
  }),
);
