import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { createWebhook, listWebhooks } from '@/lib/webhooks/service';

/** Every endpoint of the workspace with its health; never a secret. */
export const GET = withApiKey(
  'read',
  withRateLimit(async (_req, { workspaceId }) => NextResponse.json({ data: await listWebhooks(workspaceId) })),
);

/** Creates an endpoint (201); the secret is in this answer only. A private target is a 422 at `url`. */
export const POST = withApiKey(
  'admin',
  withRateLimit(async (req, { workspaceId, keyId }) => {
    const input = await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES);
    return NextResponse.json(await createWebhook(workspaceId, input, { apiKeyId: keyId }), { status: 201 });
  }),
);
