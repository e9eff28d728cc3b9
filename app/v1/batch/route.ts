import { NextResponse } from 'next/server';
import { BATCH_BODY_LIMIT_BYTES, readJsonBody } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { ingestBatch } from '@/lib/ingest/batch';

/** Up to 1,000 items / 5 MB; 207 with one `{ id, status, error? }` per item, in input order. */
export const POST = withApiKey(
  'ingest',
  withRateLimit(async (req, { workspaceId }) => {
    const result = await ingestBatch(workspaceId, await readJsonBody(req, BATCH_BODY_LIMIT_BYTES));
    return NextResponse.json(result, { status: 207 });
  }),
);
