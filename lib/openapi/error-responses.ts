/** The shared error answers (components.responses), all of them the one `Error` schema of lib/api/errors.ts. */
import { BATCH_BODY_LIMIT_BYTES, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { componentRef } from './convert';
import type { ErrorStatus } from './types';

const mb = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

type ErrorResponse = { name: string; description: string; example: { code: string; message: string; details?: { path: string; message: string }[] } };

export const errorResponses: Record<ErrorStatus, ErrorResponse> = {
  400: { name: 'BadRequest', description: 'Malformed request: not JSON, not UTF-8, or an empty body.', example: { code: 'bad_request', message: 'The body is not valid JSON' } },
  401: {
    name: 'Unauthorized',
    description: 'No API key, or a key that is invalid or revoked.',
    example: { code: 'unauthorized', message: 'Send your API key as `Authorization: Bearer <key>`' },
  },
  403: { name: 'Forbidden', description: 'The key lacks the scope this endpoint needs.', example: { code: 'forbidden', message: 'This API key lacks the `ingest` scope' } },
  404: { name: 'NotFound', description: 'No such object in this workspace (another workspace’s objects are not found either).', example: { code: 'not_found', message: 'Avatar not found' } },
  409: { name: 'Conflict', description: 'The request conflicts with the current state.', example: { code: 'conflict', message: 'Conflict' } },
  413: {
    name: 'PayloadTooLarge',
    description: `The body exceeds ${mb(SINGLE_BODY_LIMIT_BYTES)} (${mb(BATCH_BODY_LIMIT_BYTES)} for \`/v1/batch\`).`,
    example: { code: 'payload_too_large', message: `The body must be at most ${mb(SINGLE_BODY_LIMIT_BYTES)}` },
  },
  422: {
    name: 'ValidationError',
    description: 'The JSON is well-formed but invalid; `details` lists each offending field by path. Nothing was written.',
    example: {
      code: 'validation_error',
      message: 'Invalid request',
      details: [
        { path: 'role', message: 'Must be one of user, assistant, system' },
        { path: 'tokens.prompt', message: 'Must not be negative' },
      ],
    },
  },
  429: {
    name: 'RateLimited',
    description:
      'Too many requests for this key (`rate_limited`), or, with billing on, a new conversation past the plan\'s conversations for the period (`quota_exceeded`; messages, actions and ends of existing conversations are still accepted). Wait the number of seconds in `Retry-After` (for a quota: until the period resets), then retry.',
    example: { code: 'rate_limited', message: 'Rate limit exceeded' },
  },
};

export const errorResponseRef = (status: ErrorStatus) => ({ $ref: `#/components/responses/${errorResponses[status].name}` });

export function errorResponseComponents(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(errorResponses).map(([status, r]) => [
      r.name,
      {
        description: r.description,
        ...(status === '429' ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
        content: { 'application/json': { schema: { $ref: componentRef('Error') }, example: { error: r.example } } },
      },
    ]),
  );
}

export const headerComponents = {
  RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 1 } },
};
