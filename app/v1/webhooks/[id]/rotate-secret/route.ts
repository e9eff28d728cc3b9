import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { rotateSecret } from '@/lib/webhooks/service';

/** A new secret, shown here only; the old one keeps signing beside it for 24 hours. */
export const POST = withApiKey<{ id: string }>(
  'admin',
  withRateLimit(async (_req, { workspaceId, keyId, params }) => {
    const rotated = await rotateSecret(workspaceId, params.id, { apiKeyId: keyId });
    if (!rotated) throw notFound('Webhook');
    return NextResponse.json(rotated);
  }),
);
