import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { eventBodySchema } from '@/lib/ingest/parse/schemas';
import { trackEvent } from '@/lib/ingest/single';

/** A custom event (analytics.track): 201 new, 200 when an event with this id is already stored. */
export const POST = withApiKey(
  'ingest',
  withRateLimit(async (req, { workspaceId }) => {
    const body = eventBodySchema.parse(await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    const { created, event } = await trackEvent(workspaceId, body);
    return NextResponse.json(event, { status: created ? 201 : 200 });
  }),
);
