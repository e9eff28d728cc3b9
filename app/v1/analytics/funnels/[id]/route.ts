import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { resolveFilter } from '@/lib/analytics/filter';
import { periodJson } from '@/lib/analytics/range';
import { rangeQuerySchema, searchParamsOf } from '@/lib/analytics/schemas';
import { getFunnelReport } from '@/lib/funnels/report';
import { funnelParamsSchema } from '@/lib/funnels/schemas';
import { getFunnel } from '@/lib/funnels/service';

/** The funnel's counts, conversion and drop-off per step for `period` (default 30d) or `start`/`end`, optionally one `avatarId`. */
export const GET = withApiKey<{ id: string }>(
  'read',
  withRateLimit(async (req, { workspaceId, params }) => {
    const query = rangeQuerySchema.parse(searchParamsOf(req));
    const funnel = await getFunnel(workspaceId, funnelParamsSchema.parse(params).id);
    if (!funnel) throw notFound('Funnel');
    const filter = await resolveFilter(workspaceId, query);
    return NextResponse.json({ ...(await getFunnelReport(workspaceId, funnel, filter)), period: periodJson(filter.range) });
  }),
);
