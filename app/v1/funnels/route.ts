import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { funnelInputSchema } from '@/lib/funnels/schemas';
import { createFunnel, listFunnels } from '@/lib/funnels/service';

/** The workspace's funnels, oldest first. */
export const GET = withApiKey(
  'admin',
  withRateLimit(async (_req, { workspaceId }) => NextResponse.json({ data: await listFunnels(workspaceId) })),
);

/** Creates a funnel: 201; 422 for invalid steps, including a goal this workspace does not have. */
export const POST = withApiKey(
  'admin',
  withRateLimit(async (req, { workspaceId, keyId }) => {
    const input = funnelInputSchema.parse(await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    return NextResponse.json(await createFunnel(workspaceId, input, { apiKeyId: keyId }), { status: 201 });
  }),
);
