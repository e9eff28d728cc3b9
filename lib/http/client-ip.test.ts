import { randomInt } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { authOptions } from '@/lib/auth/options';
import { LOGIN_LIMITS } from '@/lib/auth/rate-limit';
import { uniqueEmail } from '@/test/factories';
import { applyPeerAddress, clientIpFromHeaders, forwardedForFromPeer, normalizeIp, trustProxy } from './client-ip';

afterAll(closeDb);

test('TRUST_PROXY is on only for 1 or true', () => {
  expect(trustProxy({ TRUST_PROXY: '1' })).toBe(true);
  expect(trustProxy({ TRUST_PROXY: 'TRUE' })).toBe(true);
  expect(trustProxy({})).toBe(false);
  expect(trustProxy({ TRUST_PROXY: '0' })).toBe(false);
  expect(trustProxy({ TRUST_PROXY: 'yes please' })).toBe(false);
});

test('addresses are validated and normalised', () => {
  expect(normalizeIp(' 203.0.113.7 ')).toBe('203.0.113.7');
  expect(normalizeIp('203.0.113.7:4431')).toBe('203.0.113.7');
  expect(normalizeIp('::ffff:10.0.0.1')).toBe('10.0.0.1');
  expect(normalizeIp('[2001:DB8::1]:443')).toBe('2001:db8::1');
  for (const bad of ['', 'unknown', '999.1.1.1', '<script>', 'a\u0000b', '1.2.3.4.5', 'x'.repeat(100)]) expect(normalizeIp(bad)).toBeNull();
});

test('behind a trusted proxy the left-most valid X-Forwarded-For entry is the client', () => {
  const headers = new Headers({ 'x-forwarded-for': 'unknown, 198.51.100.4, 10.0.0.2' });
  expect(clientIpFromHeaders(headers, true)).toBe('198.51.100.4');
  expect(clientIpFromHeaders({ 'x-forwarded-for': ['203.0.113.1', '10.0.0.2'] }, true)).toBe('203.0.113.1');
  expect(clientIpFromHeaders(new Headers(), true)).toBeNull();
});

test('without TRUST_PROXY a spoofed X-Forwarded-For is ignored: the server replaces it with the socket address', () => {
  const handed = forwardedForFromPeer('6.6.6.6, 7.7.7.7', '::ffff:192.0.2.10', false);
  expect(handed).toBe('192.0.2.10');
  expect(clientIpFromHeaders({ 'x-forwarded-for': handed }, false)).toBe('192.0.2.10');
  // Even if a header reached the app unreplaced, the right-most entry (the socket's, appended last) is used.
  expect(clientIpFromHeaders({ 'x-forwarded-for': '6.6.6.6, 192.0.2.10' }, false)).toBe('192.0.2.10');
  expect(forwardedForFromPeer(undefined, undefined, false)).toBeUndefined();
});

test('with TRUST_PROXY the server keeps the proxy header and appends the socket address', () => {
  const handed = forwardedForFromPeer('198.51.100.4', '10.0.0.2', true);
  expect(handed).toBe('198.51.100.4, 10.0.0.2');
  expect(clientIpFromHeaders({ 'x-forwarded-for': handed }, true)).toBe('198.51.100.4');
  expect(forwardedForFromPeer(undefined, '10.0.0.2', true)).toBe('10.0.0.2');
});

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

/** One socket address sending ever-new spoofed left-most X-Forwarded-For entries, past the per-address limit. */
async function spoofedAttemptsRefused(): Promise<boolean> {
  const socket = `192.0.2.${randomInt(1, 250)}`;
  const prefix = `${randomInt(11, 200)}.${randomInt(0, 250)}`;
  let refused = false;
  for (let i = 0; i <= LOGIN_LIMITS.perIp; i++) {
    const headers = { 'x-forwarded-for': forwardedForFromPeer(`${prefix}.${i % 250}.${Math.floor(i / 250)}`, socket) as string };
    const error = await authorize({ email: uniqueEmail(), password: 'wrong-password' }, { headers }).catch((e: Error) => e.message);
    refused = typeof error === 'string' && error.startsWith('Too many');
  }
  return refused;
}

test('the login throttle counts the socket address when no proxy is trusted, the forwarded client when one is', async () => {
  const before = process.env.TRUST_PROXY;
  try {
    delete process.env.TRUST_PROXY;
    expect(await spoofedAttemptsRefused()).toBe(true);
    process.env.TRUST_PROXY = '1';
    expect(await spoofedAttemptsRefused()).toBe(false);
  } finally {
    if (before === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = before;
  }
}, 60_000);

test('over a real socket, the server hook keeps a spoofed header out unless the proxy is trusted', async () => {
  let trusted = false;
  const server = createServer((req, res) => {
    applyPeerAddress(req, trusted);
    res.end(JSON.stringify({ ip: clientIpFromHeaders(req.headers, trusted), realIp: req.headers['x-real-ip'] ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const spoofed = { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '7.7.7.7' };
  try {
    expect(await (await fetch(url, { headers: spoofed })).json()).toEqual({ ip: '127.0.0.1', realIp: null });
    trusted = true;
    expect(await (await fetch(url, { headers: spoofed })).json()).toEqual({ ip: '6.6.6.6', realIp: null });
    expect(await (await fetch(url)).json()).toEqual({ ip: '127.0.0.1', realIp: null });
  } finally {
    server.close();
  }
});
