/** GET requests for calling /v1 route handlers directly in tests. */
import { NextRequest } from 'next/server';

export function apiGet(path: string, key?: string | null): NextRequest {
  return new NextRequest(`http://test${path}`, { method: 'GET', headers: key ? { authorization: `Bearer ${key}` } : {} });
}
