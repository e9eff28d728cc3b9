import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { getDelivery } from '@/lib/webhooks/service';

/** One delivery with every attempt (status, duration, first 1 KB of the answer, error) and the event sent. */
export const GET = withApiKey<{ id: string; deliveryId: string }>(
  'read',
  withRateLimit(async (_req, { workspaceId, params }) => {
    const delivery = await getDelivery(workspaceId, params.id, params.deliveryId);
    if (!delivery) throw notFound('Delivery');
    return NextResponse.json(delivery);
  }),
);
