import { NextResponse } from 'next/server';
import { BATCH_BODY_LIMIT_BYTES, readJsonBody } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { ingestBatch } from '@/lib/ingest/batch';

/** Up to 1,000 items / 5 MB; 207 with one `{ id, status, error? }` per item, in input order. */
export const POST = withApiKey(
  'ingest',
  withRateLimit(async (req, { workspaceId }) => {
    const { results, retryAfterSeconds } = await ingestBatch(workspaceId, await readJsonBody(req, BATCH_BODY_LIMIT_BYTES));
    // Items refused past the plan's quota (429 `quota_exceeded`) may be resent once the period resets.
    return NextResponse.json({ results }, { status: 207, headers: retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : undefined });
  }),
);
