import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { resolveFilter } from '@/lib/analytics/filter';
import { periodJson } from '@/lib/analytics/range';
import { searchParamsOf } from '@/lib/analytics/schemas';
import { getGoalAnalytics, goalAnalyticsQuerySchema, goalParamsSchema } from '@/lib/goals/analytics';

/** One goal's analytics for the range; 404 for a goal this workspace does not have. */
export const GET = withApiKey<{ id: string }>(
  'read',
  withRateLimit(async (req, { workspaceId, params }) => {
    const { id } = goalParamsSchema.parse(params);
    const { groupBy, limit, ...range } = goalAnalyticsQuerySchema.parse(searchParamsOf(req));
    const filter = await resolveFilter(workspaceId, range);
    const stats = await getGoalAnalytics(workspaceId, id, filter, { groupBy, limit });
    if (!stats) throw notFound('Goal');
    return NextResponse.json({ ...stats, period: periodJson(filter.range) });
  }),
);
