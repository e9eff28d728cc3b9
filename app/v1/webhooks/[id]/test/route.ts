import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { readOptionalJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { sendTestEvent } from '@/lib/webhooks/service';

/** Queues a sample event of `type` (default `webhook.test`), delivered and logged like any other (202). */
export const POST = withApiKey<{ id: string }>(
  'admin',
  withRateLimit(async (req, { workspaceId, params }) => {
    const queued = await sendTestEvent(workspaceId, params.id, await readOptionalJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    if (!queued) throw notFound('Webhook');
    return NextResponse.json(queued, { status: 202 });
  }),
);
