import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { redeliver } from '@/lib/webhooks/service';

/** Sends the delivery again, with the same `webhook-id`, on a fresh retry schedule (202). */
export const POST = withApiKey<{ id: string; deliveryId: string }>(
  'admin',
  withRateLimit(async (_req, { workspaceId, params }) => {
    if (!(await redeliver(workspaceId, params.id, params.deliveryId))) throw notFound('Delivery');
    return NextResponse.json({ deliveryId: params.deliveryId, status: 'pending' }, { status: 202 });
  }),
);
