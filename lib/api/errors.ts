/** The one error module: every API failure leaves as `{"error":{"code","message","details"?}}`. */
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';

export type ErrorDetail = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const unauthorized = (message = 'Missing or invalid API key') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const notFound = (what = 'Resource') => new ApiError(404, 'not_found', `${what} not found`);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
export const payloadTooLarge = (message: string) => new ApiError(413, 'payload_too_large', message);
export const tooManyRequests = (retryAfterSeconds: number, message = 'Rate limit exceeded') =>
  new ApiError(429, 'rate_limited', message, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}

export function validationError(error: ZodError, message = 'Invalid request'): ApiError {
  return new ApiError(422, 'validation_error', message, zodDetails(error));
}

/** Maps any thrown value to the API's error shape and status; unknown errors are logged, never echoed. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return validationError(error);
  console.error('[confab] unhandled error', error);
  return new ApiError(500, 'internal_error', 'Something went wrong on our side');
}

export function errorResponse(error: unknown): NextResponse {
  const e = toApiError(error);
  const body = { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } };
  return NextResponse.json(body, { status: e.status, headers: e.headers });
}
