// HTTP to the Confab API: auth headers, timeouts, and retries with exponential backoff.
// A retry resends the very same body string, so the ids inside it keep every write idempotent.
import { ConfabError, errorFromBody, isRetryableStatus } from './errors';

export interface RetryOptions {
  /** Retries after the first attempt (default 5). */
  retries?: number;
  /** First backoff delay in ms (default 200); doubles per attempt, with jitter. */
  baseDelayMs?: number;
  /** Upper bound of a backoff delay in ms (default 10000); a `Retry-After` header wins. */
  maxDelayMs?: number;
}

export interface TransportOptions {
  apiKey: string;
  baseUrl: string;
  retry?: RetryOptions;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type AttemptResult =
  | { ok: true; status: number; data: unknown }
  | { ok: false; error: ConfabError; retryable: boolean; retryAfterMs?: number };

export interface Transport {
  readonly retries: number;
  /** One request, no retry. */
  attempt(path: string, body: string): Promise<AttemptResult>;
  /** Sends with retries on network errors, 429 and 5xx; throws the last ConfabError. */
  post(path: string, body: string): Promise<unknown>;
  /** Waits before retry number `attempt` (0-based). */
  backoff(attempt: number, retryAfterMs?: number): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Lets a Node process exit while only this timer is pending; a no-op in browsers. */
export function unrefTimer(timer: unknown): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}

export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createTransport(options: TransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const retries = Math.max(0, options.retry?.retries ?? 5);
  const baseDelayMs = Math.max(0, options.retry?.baseDelayMs ?? 200);
  const maxDelayMs = Math.max(baseDelayMs, options.retry?.maxDelayMs ?? 10_000);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Looked up per call and never called as a method, so a browser's fetch keeps its `this`.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers = {
    Authorization: `Bearer ${options.apiKey}`,
    'Content-Type': 'application/json',
    Accept: 'application/json',
  };

  async function attempt(path: string, body: string): Promise<AttemptResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    unrefTimer(timer);
    try {
      const res = await doFetch(`${baseUrl}${path}`, { method: 'POST', headers, body, signal: controller.signal });
      const data = parseJson(await res.text());
      if (res.ok) return { ok: true, status: res.status, data };
      return {
        ok: false,
        error: errorFromBody(res.status, data, typeof data === 'string' ? data.slice(0, 200) : res.statusText),
        retryable: isRetryableStatus(res.status),
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
      };
    } catch (cause) {
      const timedOut = controller.signal.aborted;
      const error = new ConfabError({
        status: 0,
        code: timedOut ? 'timeout' : 'network_error',
        message: timedOut ? `No response within ${timeoutMs} ms` : `Network error: ${(cause as Error)?.message ?? cause}`,
        cause,
      });
      return { ok: false, error, retryable: true };
    } finally {
      clearTimeout(timer);
    }
  }

  function backoff(attemptNo: number, retryAfterMs?: number): Promise<void> {
    const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** attemptNo);
    // "Equal jitter": spreads clients out without ever retrying immediately.
    const delay = retryAfterMs ?? exp / 2 + Math.random() * (exp / 2);
    // Not unref'd: someone awaits this retry (flush, shutdown or a direct call).
    return new Promise((resolve) => setTimeout(resolve, delay));
  }

  async function post(path: string, body: string): Promise<unknown> {
    for (let attemptNo = 0; ; attemptNo++) {
      const result = await attempt(path, body);
      if (result.ok) return result.data;
      if (!result.retryable || attemptNo >= retries) throw result.error;
      await backoff(attemptNo, result.retryAfterMs);
    }
  }

  return { retries, attempt, post, backoff };
}
