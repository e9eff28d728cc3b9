import { NextResponse } from 'next/server';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { avatarInputSchema, createAvatar, listWorkspaceAvatars } from '@/lib/avatars/service';

/** Every avatar of the workspace, by name, including those ingestion created. */
export const GET = withApiKey(
  'admin',
  withRateLimit(async (_req, { workspaceId }) => NextResponse.json({ data: await listWorkspaceAvatars(workspaceId) })),
);

/** Registers an avatar (201); 409 when the id is taken. */
export const POST = withApiKey(
  'admin',
  withRateLimit(async (req, { workspaceId, keyId }) => {
    const input = avatarInputSchema.parse(await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    const avatar = await createAvatar(workspaceId, input, { apiKeyId: keyId });
    return NextResponse.json(avatar, { status: 201 });
  }),
);
