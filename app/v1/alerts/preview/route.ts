import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { previewAlert } from '@/lib/alerts/preview';

/** The back-test: the rule replayed hourly over `period` (default 30d), nothing saved; so `read` scope. */
export const POST = withApiKey(
  'read',
  withRateLimit(async (req, { workspaceId }) => NextResponse.json(await previewAlert(workspaceId, await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES)))),
);
