import { NextResponse } from 'next/server';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { resolveFilter } from '@/lib/analytics/filter';
import { periodJson } from '@/lib/analytics/range';
import { searchParamsOf } from '@/lib/analytics/schemas';
import { getGoalsAnalytics, goalAnalyticsQuerySchema } from '@/lib/goals/analytics';

/** Every goal's completions, completion rate, trend and split by avatar for the range, with its latest completing conversations. */
export const GET = withApiKey(
  'read',
  withRateLimit(async (req, { workspaceId }) => {
    const { groupBy, limit, ...range } = goalAnalyticsQuerySchema.parse(searchParamsOf(req));
    const filter = await resolveFilter(workspaceId, range);
    return NextResponse.json({ ...(await getGoalsAnalytics(workspaceId, filter, { groupBy, limit })), period: periodJson(filter.range) });
  }),
);
