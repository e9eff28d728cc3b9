import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { deleteAlertRule, getAlertRule, updateAlertRule } from '@/lib/alerts/service';

type Params = { id: string };

/** One rule with `state` and the last check's `value`; 404 for an id this workspace does not have. */
export const GET = withApiKey<Params>(
  'read',
  withRateLimit(async (_req, { workspaceId, params }) => {
    const rule = await getAlertRule(workspaceId, params.id);
    if (!rule) throw notFound('Alert');
    return NextResponse.json(rule);
  }),
);

/** Changes the fields sent; the merged rule is validated whole. */
export const PATCH = withApiKey<Params>(
  'admin',
  withRateLimit(async (req, { workspaceId, keyId, params }) => {
    const patch = await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES);
    const rule = await updateAlertRule(workspaceId, params.id, patch, { apiKeyId: keyId });
    if (!rule) throw notFound('Alert');
    return NextResponse.json(rule);
  }),
);

/** Deletes the rule and its history (204). */
export const DELETE = withApiKey<Params>(
  'admin',
  withRateLimit(async (_req, { workspaceId, keyId, params }) => {
    if (!(await deleteAlertRule(workspaceId, params.id, { apiKeyId: keyId }))) throw notFound('Alert');
    return new Response(null, { status: 204 });
  }),
);
