/** Avatars (DESIGN §4): CRUD with scope `admin`. */
import { avatarParamsSchema } from '@/lib/analytics/schemas';
import type { Endpoint, ParamDocs } from '../types';

const avatarId: ParamDocs = { avatarId: { description: 'The avatar’s id, as conversations send it.', example: 'faq-bot' } };
const crud = { tag: 'Avatars', scope: 'admin' } as const;

export const avatarEndpoints: Endpoint[] = [
  {
    ...crud,
    method: 'get',
    path: '/v1/avatars',
    operationId: 'listAvatars',
    summary: 'List avatars',
    description: 'Every avatar of the workspace, including those ingestion created for an `avatarId` it had not seen (named after their id until renamed).',
    responses: { 200: { description: 'The avatars, by name.', schema: 'AvatarList' } },
    errors: [401, 403, 429],
  },
  {
    ...crud,
    method: 'post',
    path: '/v1/avatars',
    operationId: 'createAvatar',
    summary: 'Create an avatar',
    description:
      'Registers an avatar before its first conversation, with a display name. Leave `id` out to get a generated `avt_…` id, and send that id as `avatarId` with conversations. An id that exists (also one ingestion created) answers 409: rename that one instead.',
    body: {
      schema: 'AvatarBody',
      examples: {
        named: { summary: 'Your own id', value: { id: 'faq-bot', name: 'FAQ Bot', description: 'Answers shipping and returns questions' } },
        generated: { summary: 'A generated id', value: { name: 'Sales Assistant' } },
      },
    },
    responses: { 201: { description: 'The avatar.', schema: 'Avatar' } },
    errors: [400, 401, 403, 409, 413, 422, 429],
  },
  {
    ...crud,
    method: 'get',
    path: '/v1/avatars/{avatarId}',
    operationId: 'getAvatar',
    summary: 'Get an avatar',
    description: 'One avatar. Its numbers are at `/v1/avatars/{avatarId}/analytics`.',
    pathParams: avatarParamsSchema,
    paramDocs: avatarId,
    responses: { 200: { description: 'The avatar.', schema: 'Avatar' } },
    errors: [401, 403, 404, 429],
  },
  {
    ...crud,
    method: 'patch',
    path: '/v1/avatars/{avatarId}',
    operationId: 'updateAvatar',
    summary: 'Rename an avatar',
    description: 'Changes the name or description sent (an empty description clears it). The id never changes.',
    pathParams: avatarParamsSchema,
    paramDocs: avatarId,
    body: { schema: 'AvatarPatch', examples: { rename: { summary: 'Rename it', value: { name: 'FAQ Bot (EU)' } } } },
    responses: { 200: { description: 'The avatar as stored.', schema: 'Avatar' } },
    errors: [400, 401, 403, 404, 413, 422, 429],
  },
  {
    ...crud,
    method: 'delete',
    path: '/v1/avatars/{avatarId}',
    operationId: 'deleteAvatar',
    summary: 'Delete an avatar',
    description:
      'Deletes an avatar that no conversation names. While conversations name it the answer is 409: erase them first (`DELETE /v1/conversations/{id}`), or keep the avatar.',
    pathParams: avatarParamsSchema,
    paramDocs: avatarId,
    responses: { 204: { description: 'Deleted.' } },
    errors: [401, 403, 404, 409, 429],
  },
];
