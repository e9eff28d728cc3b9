/**
 * Calls every documented operation's real route handler with its documented example and checks the answer
 * against the documented response schema, with no undocumented fields allowed — so the docs cannot drift
 * from what the API sends.
 */
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { buildOpenApiDocument } from './document';
import { matchesJsonSchema } from './json-schema-subset';
import { requestExamples } from './operations';
import { DOCUMENTED_AHEAD } from './route-files';
import type { HttpMethod, JsonSchema, OperationObject } from './types';

afterAll(closeDb);

const doc = buildOpenApiDocument('http://test');
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every schema with `properties` also forbids other properties (free-form objects stay free). */
function strict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strict);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, strict(s)])) : strict(v)]));
  if ('properties' in out && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}
const strictComponents = strict(doc.components.schemas) as Record<string, JsonSchema>;

// Everything is sent and read for 2025-05-01, the day of the examples.
const DAY = { start: '2025-05-01', end: '2025-05-01' };
let key: string;

beforeAll(async () => {
  const ws = await createTestWorkspace();
  key = await createTestApiKey(ws.id, ['ingest', 'read', 'admin']);
});

/**
 * Ids that POST examples created, by collection (`funnels` for `POST /v1/funnels`): the `{id}` of later
 * operations on that collection (`/v1/funnels/{id}`, `/v1/analytics/funnels/{id}`) uses them, since the
 * server picks such ids and no example can know one.
 */
const createdIds = new Map<string, string>();
const createdId = (p: string, param: string) =>
  param === 'id' ? createdIds.get(/([\w-]+)\/\{id\}/.exec(p)?.[1] ?? '') : param === 'deliveryId' ? createdIds.get('deliveryId') : undefined;

async function rememberCreatedId(p: string, res: Response) {
  const body = (await res.clone().json().catch(() => null)) as { id?: unknown; deliveryId?: unknown } | null;
  // A queued delivery (the webhook test call) names the delivery later operations read.
  if (res.status === 202 && typeof body?.deliveryId === 'string') createdIds.set('deliveryId', body.deliveryId);
  if (res.status !== 201 || p.includes('{')) return;
  if (typeof body?.id === 'string') createdIds.set(p.split('/').pop()!, body.id);
}

async function call(p: string, method: HttpMethod, op: OperationObject, body?: unknown): Promise<Response> {
  const file = path.join(process.cwd(), 'app', p.replace(/\{(\w+)\}/g, '[$1]'), 'route.ts');
  const handler = ((await import(file)) as Record<string, Handler | undefined>)[method.toUpperCase()];
  expect(handler, `${method.toUpperCase()} ${p} has no handler`).toBeDefined();
  const params = Object.fromEntries((op.parameters ?? []).filter((x) => x.in === 'path').map((x) => [x.name, createdId(p, x.name) ?? x.example ?? 'x']));
  const queryParams = (op.parameters ?? []).filter((x) => x.in === 'query');
  const ranged = queryParams.some((x) => x.name === 'start');
  const query = new URLSearchParams({
    ...Object.fromEntries(queryParams.filter((x) => x.example !== undefined && !(ranged && x.name === 'period')).map((x) => [x.name, x.example!])),
    ...(ranged ? DAY : {}),
  });
  const url = `http://test${p.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n]))}?${query}`;
  const init = { method: method.toUpperCase(), headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) };
  const res = await handler!(new NextRequest(url, init), { params: Promise.resolve(params) });
  if (method === 'post') await rememberCreatedId(p, res);
  return res;
}

async function expectDocumented(res: Response, op: OperationObject, label: string) {
  const documented = op.responses[String(res.status)] as { content?: Record<string, { schema: JsonSchema }> } | undefined;
  const text = await res.text();
  expect(documented, `${label} answered an undocumented ${res.status}: ${text.slice(0, 300)}`).toBeDefined();
  expect(res.status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(300);
  const schema = documented!.content?.['application/json']?.schema;
  if (!schema) return expect(text).toBe('');
  expect(matchesJsonSchema(schema, JSON.parse(text), strictComponents), `${label} answered outside its schema: ${text.slice(0, 600)}`).toBe(true);
}

const operations = Object.entries(doc.paths)
  .flatMap(([p, item]) => (Object.entries(item) as [HttpMethod, OperationObject][]).map(([method, op]) => ({ p, method, op })))
  .filter(({ p, method }) => !DOCUMENTED_AHEAD.has(`${method.toUpperCase()} ${p}`));
const order = (m: HttpMethod) => ({ post: 0, put: 1, patch: 1, get: 2, delete: 3 })[m];

test('every documented operation answers its example with a documented, schema-exact body', async () => {
  for (const { p, method, op } of operations.sort((a, b) => order(a.method) - order(b.method))) {
    const examples = requestExamples(op);
    if (examples.length === 0) await expectDocumented(await call(p, method, op), op, `${method.toUpperCase()} ${p}`);
    for (const [name, example] of examples) await expectDocumented(await call(p, method, op, example.value), op, `${method.toUpperCase()} ${p} (${name})`);
  }
});
