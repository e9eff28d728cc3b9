import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { recoverFailed } from '@/lib/webhooks/service';

/** Queues again every failed delivery created since `since` (202, with how many). */
export const POST = withApiKey<{ id: string }>(
  'admin',
  withRateLimit(async (req, { workspaceId, params }) => {
    const recovered = await recoverFailed(workspaceId, params.id, await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    if (!recovered) throw notFound('Webhook');
    return NextResponse.json(recovered, { status: 202 });
  }),
);
