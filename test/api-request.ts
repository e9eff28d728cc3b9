/** Builds requests for calling /v1 route handlers directly in tests. */
import { NextRequest } from 'next/server';

export type RequestOptions = { key?: string | null; raw?: string | Buffer<ArrayBuffer>; headers?: Record<string, string> };

export function apiRequest(path: string, body: unknown, options: RequestOptions = {}): NextRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const payload = options.raw ?? JSON.stringify(body);
  return new NextRequest(`http://test${path}`, { method: 'POST', headers, body: payload });
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A request with any method, for CRUD handlers: `body` is sent as JSON, `raw` as it is (malformed bodies). */
export function methodRequest(method: Method, path: string, key: string | null, body?: unknown, raw?: string): NextRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  return new NextRequest(`http://test${path}`, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
}

export const routeParams = <P>(params: P) => ({ params: Promise.resolve(params) });
export const noParams = routeParams({} as Record<string, never>);
