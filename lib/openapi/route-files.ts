/** For the tests: the route files under app/v1 and the HTTP methods each exports, as OpenAPI paths. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type RouteFile = { path: string; methods: string[] };

/** Route files that are not API endpoints of their own. */
export const NOT_DOCUMENTED = new Set(['/v1/openapi.json']);

/**
 * Operations documented (as `METHOD /path`) before their handler landed. When one lands the coverage
 * test fails until it leaves this list — the moment to check that the entry describes what the handler does.
 */
export const DOCUMENTED_AHEAD = new Set<string>([]);

/** `/v1/conversations/{id}/messages` for app/v1/conversations/[id]/messages/route.ts, and so on. */
export function listRouteFiles(root = process.cwd(), dir = path.join(root, 'app/v1')): RouteFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listRouteFiles(root, full);
    if (entry.name !== 'route.ts') return [];
    const source = readFileSync(full, 'utf8');
    const methods = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
    const route = '/' + path.relative(path.join(root, 'app'), path.dirname(full)).split(path.sep).join('/');
    return [{ path: route.replace(/\[(\w+)\]/g, '{$1}'), methods }];
  });
}
