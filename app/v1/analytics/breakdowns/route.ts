import { NextResponse } from 'next/server';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { getBreakdown } from '@/lib/analytics/breakdowns';
import { resolveFilter } from '@/lib/analytics/filter';
import { periodJson } from '@/lib/analytics/range';
import { breakdownQuerySchema, searchParamsOf } from '@/lib/analytics/schemas';

/** Conversations by `dimension` (device, source, language, country, avatar); no value counts as `unknown`. */
export const GET = withApiKey(
  'read',
  withRateLimit(async (req, { workspaceId }) => {
    const { dimension, ...range } = breakdownQuerySchema.parse(searchParamsOf(req));
    const filter = await resolveFilter(workspaceId, range);
    return NextResponse.json({ ...(await getBreakdown(workspaceId, filter, dimension)), period: periodJson(filter.range) });
  }),
);
