/**
 * The Overview page's server render, timed as a browser asks for it: an HTTP GET of /overview against a
 * production Next server, signed in through next-auth's credentials endpoint as a viewer of the bench
 * workspaces, reading the whole streamed HTML (every Suspense boundary resolved) before the clock stops.
 */
import { randomBytes } from 'node:crypto';
import { ensureUserInWorkspace } from '@/lib/auth/accounts';
import type { BenchCase } from './analytics-cases';
import { ensureBuild, startNextServer, type NextServer } from './_next-server';

/** BENCH_PORT moves it when another server on the machine holds 3310. */
export const RENDER_PORT = Number(process.env.BENCH_PORT ?? 3310);
const BENCH_EMAIL = 'bench-render@example.com';
/** Only the rendered page holds this: it is inside the Suspense boundary that waits for the data. */
const RENDERED_MARKER = 'Conversations over time';
/** lib/auth/session.ts's cookie (importing that module here would load next-auth's page-only code). */
export const WORKSPACE_COOKIE = 'confab-workspace';

export type Cookies = Map<string, string>;

function keepCookies(cookies: Cookies, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

export const cookieHeader = (cookies: Cookies) => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in with next-auth's credentials flow (CSRF token, then the callback) and returns the session cookies. */
export async function signIn(url: string, email: string, password: string): Promise<Cookies> {
  const cookies: Cookies = new Map();
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keepCookies(cookies, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/overview`, json: 'true' }),
  });
  keepCookies(cookies, res);
  const body = await res.text();
  if (![...cookies.keys()].some((name) => name.endsWith('next-auth.session-token'))) {
    throw new Error(`sign-in as ${email} failed (${res.status}): ${body.slice(0, 300)}`);
  }
  return cookies;
}

export type RenderSession = { server: NextServer; cookies: Cookies; names: Map<string, string> };

/**
 * Makes a viewer of every bench workspace (through the project's own account functions), starts the
 * server (building first when needed) and signs in.
 */
export async function startRenderSession(
  workspaces: { id: string; slug: string; name: string }[],
  log: (line: string) => void,
  options: { allowRebuild: boolean },
): Promise<RenderSession> {
  const password = `bench-${randomBytes(12).toString('base64url')}`;
  for (const w of workspaces) {
    await ensureUserInWorkspace({ email: BENCH_EMAIL, password, slug: w.slug, role: 'viewer', resetPassword: true });
  }
  await ensureBuild(log, options.allowRebuild);
  const server = await startNextServer(RENDER_PORT, {
    DATABASE_URL: process.env.DATABASE_URL,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: `http://127.0.0.1:${RENDER_PORT}`,
    AUTH_TRUST_HOST: '1',
  });
  try {
    const names = new Map(workspaces.map((w) => [w.id, w.name]));
    return { server, cookies: await signIn(server.url, BENCH_EMAIL, password), names };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** GET `path` as the signed-in viewer with `workspaceId` chosen, reading the whole body. */
export function pageCase(session: RenderSession, path: string): BenchCase {
  return {
    name: `GET ${path}`,
    run: async (t) => {
      const cookies = new Map(session.cookies).set(WORKSPACE_COOKIE, t.id);
      const res = await fetch(`${session.server.url}${path}`, { redirect: 'manual', headers: { cookie: cookieHeader(cookies) } });
      const body = await res.text();
      if (res.status !== 200 || !body.includes(RENDERED_MARKER)) {
        throw new Error(`${path} answered ${res.status} without the rendered dashboard: ${body.slice(0, 300)}`);
      }
      // The page names its workspace: proof that the cookie chose the workspace being timed.
      if (!body.includes(session.names.get(t.id) ?? t.id)) throw new Error(`${path} rendered another workspace than ${t.id}`);
      return body.length;
    },
  };
}
