/**
 * Serves the real /v1 route handlers over HTTP on loopback, so clients (the SDK) can be tested against
 * Confab's actual ingest code and database without a Next.js build. `onResponse` lets a test cut a
 * connection after the server has done its work, as a timeout would.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { pattern: RegExp; names: string[]; load: () => Promise<Record<string, unknown>> };

const ROUTES: Route[] = [
  { pattern: /^\/v1\/batch$/, names: [], load: () => import('@/app/v1/batch/route') },
  { pattern: /^\/v1\/events$/, names: [], load: () => import('@/app/v1/events/route') },
  { pattern: /^\/v1\/conversations$/, names: [], load: () => import('@/app/v1/conversations/route') },
  { pattern: /^\/v1\/conversations\/initialize$/, names: [], load: () => import('@/app/v1/conversations/initialize/route') },
  { pattern: /^\/v1\/conversations\/([^/]+)\/messages$/, names: ['id'], load: () => import('@/app/v1/conversations/[id]/messages/route') },
  { pattern: /^\/v1\/conversations\/([^/]+)\/actions$/, names: ['id'], load: () => import('@/app/v1/conversations/[id]/actions/route') },
  { pattern: /^\/v1\/conversations\/([^/]+)\/end$/, names: ['id'], load: () => import('@/app/v1/conversations/[id]/end/route') },
];

export type RouteServer = { url: string; requests: string[]; close: () => Promise<void> };

export async function startRouteServer(
  options: {
    port?: number;
    /** Waits this long between the handler's return and the answer, as a slow network would (a crash then loses committed answers). */
    holdResponseMs?: number;
    onResponse?: (path: string, res: http.ServerResponse) => 'send' | 'drop';
  } = {},
): Promise<RouteServer> {
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(`${req.method} ${path}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const route = ROUTES.find((r) => r.pattern.test(path));
    const handler = route ? ((await route.load())[req.method ?? 'GET'] as Handler | undefined) : undefined;
    if (!route || !handler) {
      res.writeHead(404).end();
      return;
    }
    const match = route.pattern.exec(path)!;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new NextRequest(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = await handler(request, { params: Promise.resolve(params) });
    if (options.holdResponseMs) await new Promise((resolve) => setTimeout(resolve, options.holdResponseMs));
    if (options.onResponse?.(path, res) === 'drop') {
      res.socket?.destroy();
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
