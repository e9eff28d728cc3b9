import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { funnelParamsSchema, funnelPatchSchema } from '@/lib/funnels/schemas';
import { deleteFunnel, getFunnel, updateFunnel } from '@/lib/funnels/service';

type Params = { id: string };

/** One funnel; 404 for an id this workspace does not have. */
export const GET = withApiKey<Params>(
  'admin',
  withRateLimit(async (_req, { workspaceId, params }) => {
    const funnel = await getFunnel(workspaceId, funnelParamsSchema.parse(params).id);
    if (!funnel) throw notFound('Funnel');
    return NextResponse.json(funnel);
  }),
);

/** Changes the fields given (name, avatarId, steps — the steps as a whole). */
export const PATCH = withApiKey<Params>(
  'admin',
  withRateLimit(async (req, { workspaceId, keyId, params }) => {
    const { id } = funnelParamsSchema.parse(params);
    const patch = funnelPatchSchema.parse(await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    const funnel = await updateFunnel(workspaceId, id, patch, { apiKeyId: keyId });
    if (!funnel) throw notFound('Funnel');
    return NextResponse.json(funnel);
  }),
);

export const DELETE = withApiKey<Params>(
  'admin',
  withRateLimit(async (_req, { workspaceId, keyId, params }) => {
    if (!(await deleteFunnel(workspaceId, funnelParamsSchema.parse(params).id, { apiKeyId: keyId }))) throw notFound('Funnel');
    return new Response(null, { status: 204 });
  }),
);
