import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { createAlertRule, listAlertRules } from '@/lib/alerts/service';

/** Every alert rule of the workspace with its state and last value, oldest first. */
export const GET = withApiKey(
  'read',
  withRateLimit(async (_req, { workspaceId }) => NextResponse.json({ data: await listAlertRules(workspaceId) })),
);

/** Creates a rule (201); an invalid one is a 422 at the offending path. */
export const POST = withApiKey(
  'admin',
  withRateLimit(async (req, { workspaceId, keyId }) => {
    const input = await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES);
    return NextResponse.json(await createAlertRule(workspaceId, input, { apiKeyId: keyId }), { status: 201 });
  }),
);
