import { NextResponse } from 'next/server';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { resolveFilter } from '@/lib/analytics/filter';
import { periodJson } from '@/lib/analytics/range';
import { searchParamsOf, sentimentQuerySchema } from '@/lib/analytics/schemas';
import { getSentiment } from '@/lib/analytics/sentiment';

/** Sentiment totals, series, by avatar and by source, and the `limit` (default 10) most negative conversations. */
export const GET = withApiKey(
  'read',
  withRateLimit(async (req, { workspaceId }) => {
    const { groupBy, limit, ...range } = sentimentQuerySchema.parse(searchParamsOf(req));
    const filter = await resolveFilter(workspaceId, range);
    return NextResponse.json({ ...(await getSentiment(workspaceId, filter, { groupBy, limit })), period: periodJson(filter.range) });
  }),
);
