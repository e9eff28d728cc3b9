import { NextResponse } from 'next/server';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { resolveFilter } from '@/lib/analytics/filter';
import { periodJson } from '@/lib/analytics/range';
import { rangeQuerySchema, searchParamsOf } from '@/lib/analytics/schemas';
import { getPeakHours } from '@/lib/analytics/time-series';

/** Messages by weekday (0 = Monday) and hour of the workspace timezone: all 168 cells. */
export const GET = withApiKey(
  'read',
  withRateLimit(async (req, { workspaceId }) => {
    const filter = await resolveFilter(workspaceId, rangeQuerySchema.parse(searchParamsOf(req)));
    return NextResponse.json({ ...(await getPeakHours(workspaceId, filter)), period: periodJson(filter.range) });
  }),
);
