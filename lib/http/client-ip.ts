/**
 * The client's IP address, one rule for the login throttle and the audit log. `next start` fills
 * X-Forwarded-For from the socket only when the request has none (`??=`), so a header a client sends
 * reaches the app unchanged; Confab's server (scripts/serve.ts) therefore rewrites it with `forwardedForFromPeer`
 * before Next sees the request: without TRUST_PROXY=1 the socket's address replaces whatever the client sent.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** TRUST_PROXY=1 (or `true`): Confab runs behind a proxy that sets X-Forwarded-For. */
export function trustProxy(env: Record<string, string | undefined> = process.env): boolean {
  return env.TRUST_PROXY === '1' || env.TRUST_PROXY?.toLowerCase() === 'true';
}

/** One X-Forwarded-For entry as an address, or null: `[::1]`, `::ffff:10.0.0.1` and `1.2.3.4:5678` are normalised. */
export function normalizeIp(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  value = value.replace(/%.*$/, '');
  return value.length <= 45 && isIP(value) ? value.toLowerCase() : null;
}

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(',');
  return typeof value === 'string' ? value : null;
}

/**
 * Behind a trusted proxy, the left-most valid X-Forwarded-For entry (the address the proxy saw first). Without
 * one, the right-most: the address the server took from the socket, so a client's own header never wins even
 * when the app was started with plain `next start` and sent no header of its own.
 */
export function clientIpFromHeaders(headers: HeaderSource, trusted = trustProxy()): string | null {
  const entries = (header(headers, 'x-forwarded-for') ?? '').split(',').map(normalizeIp).filter((ip) => ip !== null);
  if (entries.length === 0) return null;
  return trusted ? entries[0] : entries[entries.length - 1];
}

/**
 * The X-Forwarded-For that Confab's server hands to Next: a trusted proxy's header with the socket's address
 * appended (what a proxy would do), or only the socket's address when no proxy is trusted.
 */
export function forwardedForFromPeer(sent: string | string[] | undefined, socketAddress: string | undefined, trusted = trustProxy()): string | undefined {
  const peer = socketAddress ? (normalizeIp(socketAddress) ?? undefined) : undefined;
  const existing = [sent ?? []].flat().join(',').trim();
  if (!trusted || !existing) return peer;
  return peer ? `${existing}, ${peer}` : existing;
}

/** Rewrites a raw request's forwarding headers by the rule above, before Next.js (or anything else) reads them. */
export function applyPeerAddress(req: IncomingMessage, trusted = trustProxy()): void {
  const forwarded = forwardedForFromPeer(req.headers['x-forwarded-for'], req.socket.remoteAddress, trusted);
  if (forwarded) req.headers['x-forwarded-for'] = forwarded;
  else delete req.headers['x-forwarded-for'];
  delete req.headers['x-real-ip'];
}
