import { NextResponse } from 'next/server';
import { notFound } from '@/lib/api/errors';
import { readJsonBody, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { avatarPatchSchema, deleteAvatar, getAvatar, updateAvatar } from '@/lib/avatars/service';

type Params = { avatarId: string };

/** One avatar; 404 for an id this workspace does not have. */
export const GET = withApiKey<Params>(
  'admin',
  withRateLimit(async (_req, { workspaceId, params }) => {
    const avatar = await getAvatar(workspaceId, params.avatarId);
    if (!avatar) throw notFound('Avatar');
    return NextResponse.json(avatar);
  }),
);

/** Changes its name or description. */
export const PATCH = withApiKey<Params>(
  'admin',
  withRateLimit(async (req, { workspaceId, keyId, params }) => {
    const patch = avatarPatchSchema.parse(await readJsonBody(req, SINGLE_BODY_LIMIT_BYTES));
    const avatar = await updateAvatar(workspaceId, params.avatarId, patch, { apiKeyId: keyId });
    if (!avatar) throw notFound('Avatar');
    return NextResponse.json(avatar);
  }),
);

/** Deletes an avatar no conversation names (204); 409 while conversations name it. */
export const DELETE = withApiKey<Params>(
  'admin',
  withRateLimit(async (_req, { workspaceId, keyId, params }) => {
    await deleteAvatar(workspaceId, params.avatarId, { apiKeyId: keyId });
    return new Response(null, { status: 204 });
  }),
);
