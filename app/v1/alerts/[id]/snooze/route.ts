import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { snoozeAlertRule } from '@/lib/alerts/service';

/** Snoozes the rule until `until` (`null` ends the snooze); it is still checked, and notifies nobody. */
export const POST = withApiKey<{ id: string }>(
  'admin',
  withRateLimit(async (req, { workspaceId, keyId, params }) => {
    const rule = await snoozeAlertRule(workspaceId, params.id, await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES), { apiKeyId: keyId });
    if (!rule) throw notFound('Alert');
    return NextResponse.json(rule);
  }),
);
