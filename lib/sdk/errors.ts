// The one error type of the SDK: API errors, network failures and dropped batch items.
import type { ApiErrorBody, BatchItem } from './types';

export class ConfabError extends Error {
  /** HTTP status; 0 when no response arrived (network error, timeout). */
  readonly status: number;
  /** The API's error code, or `network_error`, `timeout`, `payload_too_large`. */
  readonly code: string;
  readonly details?: unknown;
  /** Queued items that were dropped because of this error (batched sends only). */
  readonly items?: BatchItem[];

  constructor(init: { status: number; code: string; message: string; details?: unknown; items?: BatchItem[]; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ConfabError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.items = init.items;
  }

  /** A copy of this error that names the dropped items. */
  withItems(items: BatchItem[]): ConfabError {
    const { status, code, message, details, cause } = this;
    return new ConfabError({ status, code, message, details, items, cause });
  }
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Builds a ConfabError from an `{ error: { code, message, details? } }` value, or a fallback. */
export function errorFromBody(status: number, body: unknown, fallbackMessage?: string): ConfabError {
  const apiError = (body as { error?: Partial<ApiErrorBody> } | null)?.error;
  if (apiError && typeof apiError === 'object') {
    return new ConfabError({
      status,
      code: typeof apiError.code === 'string' ? apiError.code : `http_${status}`,
      message: typeof apiError.message === 'string' ? apiError.message : `HTTP ${status}`,
      details: apiError.details,
    });
  }
  return new ConfabError({ status, code: `http_${status}`, message: fallbackMessage || `HTTP ${status}` });
}
