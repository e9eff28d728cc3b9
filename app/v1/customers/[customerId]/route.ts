import { NextResponse } from 'next/server';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { eraseCustomer } from '@/lib/transcripts/erase';

/** Erases every conversation of a customer (GDPR): `{ deleted: n }`, 0 when the customer has none. */
export const DELETE = withApiKey<{ customerId: string }>(
  'admin',
  withRateLimit(async (_req, { workspaceId, keyId, params }) => {
    const deleted = await eraseCustomer(workspaceId, params.customerId, { apiKeyId: keyId });
    return NextResponse.json({ deleted });
  }),
);
