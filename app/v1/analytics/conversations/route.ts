import { NextResponse } from 'next/server';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { resolveFilter } from '@/lib/analytics/filter';
import { periodJson } from '@/lib/analytics/range';
import { searchParamsOf, timeSeriesQuerySchema } from '@/lib/analytics/schemas';
import { getTimeSeries } from '@/lib/analytics/time-series';

/** `{ groupBy, timezone, data: [{ date, conversations, messages, … }] }`, every bucket present. */
export const GET = withApiKey(
  'read',
  withRateLimit(async (req, { workspaceId }) => {
    const { groupBy, ...range } = timeSeriesQuerySchema.parse(searchParamsOf(req));
    const filter = await resolveFilter(workspaceId, range);
    return NextResponse.json({ ...(await getTimeSeries(workspaceId, filter, groupBy)), period: periodJson(filter.range) });
  }),
);
