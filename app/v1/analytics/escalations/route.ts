import { NextResponse } from 'next/server';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { getEscalations } from '@/lib/analytics/escalations';
import { resolveFilter } from '@/lib/analytics/filter';
import { periodJson } from '@/lib/analytics/range';
import { escalationsQuerySchema, searchParamsOf } from '@/lib/analytics/schemas';

/** Escalated conversations by reason, avatar and time, with the last user message before each and its recurring phrases. */
export const GET = withApiKey(
  'read',
  withRateLimit(async (req, { workspaceId }) => {
    const { groupBy, limit, ...range } = escalationsQuerySchema.parse(searchParamsOf(req));
    const filter = await resolveFilter(workspaceId, range);
    return NextResponse.json({ ...(await getEscalations(workspaceId, filter, { groupBy, limit })), period: periodJson(filter.range) });
  }),
);
