/** The public origin of this deployment as the browser sees it, for snippets shown to users. */
import { headers } from 'next/headers';

/** From a request's headers (route handlers, tests); NEXTAUTH_URL wins when set. */
export function originFromHeaders(h: Headers): string {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.replace(/\/$/, '');
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}

/** The same, inside a server component or action. */
export async function requestOrigin(): Promise<string> {
  return originFromHeaders(await headers());
}
