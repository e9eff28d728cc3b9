import { NextResponse } from 'next/server';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { getBreakdown } from '@/lib/analytics/breakdowns';
import { resolveFilter } from '@/lib/analytics/filter';
import { periodJson } from '@/lib/analytics/range';
import { breakdownQuerySchema, searchParamsOf } from '@/lib/analytics/schemas';

/** `/v1/analytics/breakdowns/{dimension}`: the same as `?dimension=`. */
export const GET = withApiKey<{ dimension: string }>(
  'read',
  withRateLimit(async (req, { workspaceId, params }) => {
    const { dimension, ...range } = breakdownQuerySchema.parse({ ...searchParamsOf(req), dimension: params.dimension });
    const filter = await resolveFilter(workspaceId, range);
    return NextResponse.json({ ...(await getBreakdown(workspaceId, filter, dimension)), period: periodJson(filter.range) });
  }),
);
