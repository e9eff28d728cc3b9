import { NextResponse } from 'next/server';
import { findAvatar } from '@/db/queries/avatars';
import { notFound } from '@/lib/api/errors';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { resolveFilter } from '@/lib/analytics/filter';
import { getOverview } from '@/lib/analytics/overview';
import { periodJson } from '@/lib/analytics/range';
import { avatarParamsSchema, rangeQuerySchema, searchParamsOf } from '@/lib/analytics/schemas';

/** The overview metrics of one avatar; 404 for an avatar this workspace does not have. */
export const GET = withApiKey<{ avatarId: string }>(
  'read',
  withRateLimit(async (req, { workspaceId, params }) => {
    const { avatarId } = avatarParamsSchema.parse(params);
    const avatar = await findAvatar(workspaceId, avatarId);
    if (!avatar) throw notFound('Avatar');
    const filter = await resolveFilter(workspaceId, { ...rangeQuerySchema.parse(searchParamsOf(req)), avatarId });
    return NextResponse.json({ ...(await getOverview(workspaceId, filter)), avatar, period: periodJson(filter.range) });
  }),
);
