/**
 * One delivery attempt (DESIGN §7): a signed `POST` of the event, 15 s at most, no redirects followed, any
 * 2xx a success, the first 1 KB of the answer kept. The socket connects only to an address the target rule
 * allows (`guardedLookup`), so the address checked is the address used. Then what the attempt means for
 * the delivery: delivered, retried on the schedule (or after `Retry-After` on 429/503), or failed.
 */
import http from 'node:http';
import https from 'node:https';
import { createHmac } from 'node:crypto';
import { checkLiteralHost, guardedLookup, TargetRefused } from './targets';

/** 15 s (DESIGN §7); `WEBHOOK_TIMEOUT_MS` shortens it, for tests. */
export const attemptTimeoutMs = () => {
  const configured = Math.floor(Number(process.env.WEBHOOK_TIMEOUT_MS));
  return Number.isFinite(configured) && configured > 0 ? Math.min(configured, 15_000) : 15_000;
};
export const EXCERPT_BYTES = 1024;
const MAX_READ_BYTES = 1024 * 1024;
/** Delays before each retry: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 27.5 hours in all). */
export const RETRY_DELAYS_S = [5, 300, 1800, 7200, 18_000, 36_000, 36_000];
const JITTER = 0.1;
const MAX_RETRY_AFTER_S = 24 * 3600;
/** How long the old secret keeps signing after a rotation. */
export const ROTATION_GRACE_HOURS = 24;
export const USER_AGENT = 'Confab-Webhooks/1';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

export type Signer = { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null };

/**
 * Standard Webhooks' v1 signature, `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the secret's bytes
 * (the base64 after `whsec_`): the `standardwebhooks` package's own `sign`, with Node's native HMAC instead of
 * its JavaScript SHA-256 (a measurable share of the worker's CPU). Its `verify` checks these in the tests.
 */
function sign(secret: string, eventId: string, at: Date, body: string): string {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${eventId}.${Math.floor(at.getTime() / 1000)}.${body}`).digest('base64')}`;
}

/** `webhook-signature`: `v1,<base64>` per live secret, space-separated (both during a rotation's grace period). */
export function signatureHeader(signer: Signer, eventId: string, at: Date, body: string): string {
  const secrets = [signer.secret];
  if (signer.previousSecret && signer.previousSecretExpiresAt && signer.previousSecretExpiresAt > at) secrets.push(signer.previousSecret);
  return secrets.map((s) => sign(s, eventId, at, body)).join(' ');
}

/** The body exactly as sent: the envelope's keys in DESIGN order. */
export function eventBody(payload: Record<string, unknown>): string {
  const { id, type, createdAt, data } = payload;
  return JSON.stringify({ id, type, createdAt, data });
}

export type AttemptResult = {
  at: Date;
  statusCode: number | null;
  durationMs: number;
  excerpt: string | null;
  error: string | null;
  retryAfterS: number | null;
};

function retryAfterSeconds(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_RETRY_AFTER_S);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(0, Math.ceil((date - now) / 1000)), MAX_RETRY_AFTER_S);
}

/** Sends the event once. Never throws: every failure is in the result. */
export async function attemptDelivery(url: string, eventId: string, body: string, signer: Signer): Promise<AttemptResult> {
  const at = new Date();
  const started = performance.now();
  const finish = (r: Omit<AttemptResult, 'at' | 'durationMs'>): AttemptResult => ({ at, durationMs: Math.round(performance.now() - started), ...r });
  let target: URL;
  try {
    target = new URL(url);
    checkLiteralHost(target);
  } catch (error) {
    return finish({ statusCode: null, excerpt: null, error: error instanceof TargetRefused ? error.message : 'Not a valid URL', retryAfterS: null });
  }
  const headers = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatureHeader(signer, eventId, at, body),
  };
  return finish(await guardedPost(target, headers, body, attemptTimeoutMs()));
}

export type PostResult = Omit<AttemptResult, 'at' | 'durationMs'>;

/**
 * POSTs `body` to `target` once: the host resolved through the target rule's guarded lookup, no redirects
 * followed (a 3xx is a failure), the first 1 KB of the answer kept, a timeout. Never throws. Webhook
 * deliveries and the alerts' Slack channel send through it.
 */
export function guardedPost(target: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> {
  const allHeaders = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const done = (r: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const transport = target.protocol === 'https:' ? https : http;
    const req = transport.request(target, { method: 'POST', headers: allHeaders, agent: agents[target.protocol as 'http:' | 'https:'], lookup: guardedLookup }, (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (kept < EXCERPT_BYTES) {
          const part = chunk.subarray(0, EXCERPT_BYTES - kept);
          chunks.push(part);
          kept += part.length;
        }
        // The rest is read and dropped (so the connection can be reused), up to a point.
        if (read > MAX_READ_BYTES) res.destroy();
      });
      const settle = () => {
        const status = res.statusCode ?? 0;
        const excerpt = Buffer.concat(chunks).toString('utf8').replaceAll('\u0000', '') || null;
        const redirect = status >= 300 && status < 400;
        const error = status >= 200 && status < 300 ? null : redirect ? `Redirect to ${res.headers.location ?? '(no location)'} not followed` : `HTTP ${status}`;
        const retryAfterS = status === 429 || status === 503 ? retryAfterSeconds(res.headers['retry-after'], Date.now()) : null;
        done({ statusCode: status, excerpt, error, retryAfterS });
      };
      res.on('end', settle);
      res.on('close', settle);
      res.on('error', settle);
    });
    const timer = setTimeout(() => {
      done({ statusCode: null, excerpt: null, error: `Timed out after ${timeoutMs / 1000} s`, retryAfterS: null });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error instanceof TargetRefused || error.code === 'ETARGETREFUSED' ? error.message : `${error.code ?? 'Error'}: ${error.message}`;
      done({ statusCode: null, excerpt: null, error: reason, retryAfterS: null });
    });
    req.end(body);
  });
}

export const isSuccess = (statusCode: number | null) => statusCode !== null && statusCode >= 200 && statusCode < 300;

/**
 * When to try again after a failed attempt, or `null` when the schedule is spent (the delivery fails).
 * `attemptsSinceQueued` counts this one; `Retry-After` (429/503) replaces the schedule's delay.
 */
export function nextRetryAt(attemptsSinceQueued: number, result: AttemptResult, random = Math.random): Date | null {
  const delay = RETRY_DELAYS_S[attemptsSinceQueued - 1];
  if (delay === undefined) return null;
  const seconds = result.retryAfterS !== null ? Math.max(1, result.retryAfterS) : delay * (1 + (random() * 2 - 1) * JITTER);
  return new Date(Date.now() + seconds * 1000);
}
