import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { deleteWebhook, getWebhook, updateWebhook } from '@/lib/webhooks/service';

type Params = { id: string };

/** One endpoint with its health; 404 for an id this workspace does not have. */
export const GET = withApiKey<Params>(
  'read',
  withRateLimit(async (_req, { workspaceId, params }) => {
    const hook = await getWebhook(workspaceId, params.id);
    if (!hook) throw notFound('Webhook');
    return NextResponse.json(hook);
  }),
);

/** Changes the fields sent; `enabled: true` also clears why it was disabled. */
export const PATCH = withApiKey<Params>(
  'admin',
  withRateLimit(async (req, { workspaceId, keyId, params }) => {
    const patch = await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES);
    const hook = await updateWebhook(workspaceId, params.id, patch, { apiKeyId: keyId });
    if (!hook) throw notFound('Webhook');
    return NextResponse.json(hook);
  }),
);

/** Deletes the endpoint and its delivery log (204). */
export const DELETE = withApiKey<Params>(
  'admin',
  withRateLimit(async (_req, { workspaceId, keyId, params }) => {
    if (!(await deleteWebhook(workspaceId, params.id, { apiKeyId: keyId }))) throw notFound('Webhook');
    return new Response(null, { status: 204 });
  }),
);
