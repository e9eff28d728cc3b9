import { NextResponse } from 'next/server';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { getToolUsage } from '@/lib/analytics/breakdowns';
import { resolveFilter } from '@/lib/analytics/filter';
import { periodJson } from '@/lib/analytics/range';
import { rangeQuerySchema, searchParamsOf } from '@/lib/analytics/schemas';

/** Tool calls per tool name with mean duration and escalations, most used first. */
export const GET = withApiKey(
  'read',
  withRateLimit(async (req, { workspaceId }) => {
    const filter = await resolveFilter(workspaceId, rangeQuerySchema.parse(searchParamsOf(req)));
    return NextResponse.json({ ...(await getToolUsage(workspaceId, filter)), period: periodJson(filter.range) });
  }),
);
