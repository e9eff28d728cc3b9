import { NextResponse } from 'next/server';
import { searchParamsOf } from '@/lib/analytics/schemas';
import { notFound } from '@/lib/api/errors';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { listDeliveries } from '@/lib/webhooks/service';

/** The endpoint's deliveries, newest first, by `status`, keyset-paged with `cursor`. */
export const GET = withApiKey<{ id: string }>(
  'read',
  withRateLimit(async (req, { workspaceId, params }) => {
    const page = await listDeliveries(workspaceId, params.id, searchParamsOf(req));
    if (!page) throw notFound('Webhook');
    return NextResponse.json(page);
  }),
);
