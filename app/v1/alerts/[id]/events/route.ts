import { NextResponse } from 'next/server';
import { searchParamsOf } from '@/lib/analytics/schemas';
import { notFound } from '@/lib/api/errors';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { listAlertEvents } from '@/lib/alerts/service';

/** The rule's fired and resolved events with their notifications, newest first. */
export const GET = withApiKey<{ id: string }>(
  'read',
  withRateLimit(async (req, { workspaceId, params }) => {
    const events = await listAlertEvents(workspaceId, params.id, searchParamsOf(req));
    if (!events) throw notFound('Alert');
    return NextResponse.json(events);
  }),
);
