import { NextResponse } from 'next/server';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { resolveFilter } from '@/lib/analytics/filter';
import { getOverview } from '@/lib/analytics/overview';
import { periodJson } from '@/lib/analytics/range';
import { rangeQuerySchema, searchParamsOf } from '@/lib/analytics/schemas';

/** The headline metrics of DESIGN §3 for `period` (default 30d) or `start`/`end`, optionally for one `avatarId`. */
export const GET = withApiKey(
  'read',
  withRateLimit(async (req, { workspaceId }) => {
    const filter = await resolveFilter(workspaceId, rangeQuerySchema.parse(searchParamsOf(req)));
    return NextResponse.json({ ...(await getOverview(workspaceId, filter)), period: periodJson(filter.range) });
  }),
);
