/**
 * The OpenAPI-driven fuzzer: reads the app's own /v1/openapi.json, walks every operation and sends generated
 * hostile path, query and body values through the proxy and the real route handlers, as Next.js would route
 * them. Every answer must be below 500; every 4xx must carry the API's error shape and a DESIGN status, and
 * must have written nothing. An operation added to the document later is fuzzed without touching this file.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { sql } from '@/db';
import { listRouteFiles } from '@/lib/openapi/route-files';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { hostileQueryValue, hostileRawSegments, hostileStrings, hostileValue, toJsonText } from './hostile';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
};
type Parameter = { in: 'path' | 'query' | 'header'; name: string; schema?: Schema };
type Operation = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Parameter[];
  bodySchema?: Schema;
  bodyExamples: unknown[];
};
type Document = {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema; examples?: Record<string, { value: unknown }> }> } }>>;
  components: { schemas: Record<string, Schema> };
};

type Auth = 'admin' | 'read' | 'none' | 'bogus';
export type FuzzRequest = {
  op: Operation;
  auth: Auth;
  /** Path parameter values: `wire` is the text in the URL (decoded as Next.js would), `direct` bypasses the URL. */
  params: Record<string, { wire: string } | { direct: string }>;
  query: [string, string][];
  body?: { text: string } | { bytes: number[] };
  contentType: string;
};
export type FuzzFailure = { operation: string; reason: string; request: string };
export type FuzzResult = { operations: number; cases: number; failures: FuzzFailure[]; statuses: Record<string, number> };

const DESIGN_STATUSES = new Set([400, 401, 403, 404, 409, 413, 422, 429]);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function operationsOf(doc: Document): Operation[] {
  return Object.entries(doc.paths).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((m) => {
      const op = item[m];
      const json = op.requestBody?.content?.['application/json'];
      return {
        method: m.toUpperCase() as Operation['method'],
        path: p,
        parameters: op.parameters ?? [],
        bodySchema: json?.schema,
        bodyExamples: Object.values(json?.examples ?? {}).map((e) => e.value),
      };
    }),
  );
}

function resolve(schema: Schema, doc: Document): Schema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] ?? {};
  return s;
}

/** Values that (mostly) follow the schema, any node of which may be swapped for a hostile value. */
function fromSchema(schema: Schema, doc: Document, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  const conforming = ((): fc.Arbitrary<unknown> => {
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const variants = s.oneOf ?? s.anyOf;
    if (variants?.length) return fc.oneof(...variants.map((v) => fromSchema(v, doc, depth + 1)));
    if (s.allOf?.length) return fromSchema(s.allOf[0], doc, depth + 1);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    if (depth > 6) return fc.constant(null);
    switch (type ?? (s.properties ? 'object' : undefined)) {
      case 'string':
        if (s.format === 'date-time') return fc.date({ min: new Date('1999-01-01'), max: new Date('2031-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
        return fc.string({ maxLength: Math.min(s.maxLength ?? 30, 30) });
      case 'integer':
        return fc.integer({ min: Math.max(s.minimum ?? -1000, -(2 ** 31)), max: Math.min(s.maximum ?? 100_000, 2 ** 31) });
      case 'number':
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(fromSchema(s.items ?? {}, doc, depth + 1), { maxLength: 4 });
      case 'object': {
        const props = Object.entries(s.properties ?? {});
        const required = new Set(s.required ?? []);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of props) record[k] = fromSchema(v, doc, depth + 1);
        return fc.record(record, { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return fc.oneof({ weight: 5, arbitrary: conforming }, { weight: 1, arbitrary: hostileValue });
}

type JsonPath = (string | number)[];
function nodePaths(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => nodePaths(v, [...prefix, i])));
  if (value !== null && typeof value === 'object') return here.concat(Object.entries(value).flatMap(([k, v]) => nodePaths(v, [...prefix, k])));
  return here;
}

function setAt(root: unknown, at: JsonPath, value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  copy[at[0]] = setAt(copy[at[0]], at.slice(1), value);
  return copy;
}

/** A documented example with one to three of its nodes replaced by hostile values, or given an extra key. */
function mutatedExample(example: unknown): fc.Arbitrary<unknown> {
  const mutation = fc.record({
    at: fc.constantFrom(...nodePaths(example)),
    value: hostileValue,
    extraKey: fc.option(fc.constantFrom('__proto__', 'constructor', 'workspaceId', '\u0000', 'x'.repeat(300)), { freq: 3 }),
  });
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) =>
    mutations.reduce<unknown>((acc, m) => {
      if (m.extraKey === null) return setAt(acc, m.at, m.value);
      const node = m.at.reduce<unknown>((n, k) => (n as Record<string | number, unknown> | undefined)?.[k], acc);
      const isObject = node !== null && typeof node === 'object' && !Array.isArray(node);
      return isObject ? setAt(acc, [...m.at, m.extraKey], m.value) : setAt(acc, m.at, m.value);
    }, example),
  );
}

function bodyArbitrary(op: Operation, doc: Document): fc.Arbitrary<FuzzRequest['body']> {
  const text = (a: fc.Arbitrary<unknown>) => a.map((v) => ({ text: toJsonText(v) }));
  const choices: { weight: number; arbitrary: fc.Arbitrary<FuzzRequest['body']> }[] = [
    { weight: 1, arbitrary: fc.constantFrom<FuzzRequest['body']>(undefined, { text: '' }, { text: '{' }, { text: 'not json' }, { text: '\uFEFF{}' }, { text: '[]' }, { text: 'null' }, { text: '"x"' }, { text: '{"a":1,"a":2}' }) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }).map((bytes) => ({ bytes: [0x7b, 0x22, 0x78, 0x22, 0x3a, 0x22, ...bytes, 0x22, 0x7d] })) },
    { weight: 1, arbitrary: text(hostileValue) },
  ];
  if (op.bodySchema) choices.push({ weight: 3, arbitrary: text(fromSchema(op.bodySchema, doc)) });
  if (op.bodyExamples.length) {
    choices.push({ weight: 4, arbitrary: text(fc.constantFrom(...op.bodyExamples).chain(mutatedExample)) });
    choices.push({ weight: 1, arbitrary: text(fc.constantFrom(...op.bodyExamples)) });
  }
  return fc.oneof(...choices);
}

function requestArbitrary(op: Operation, doc: Document, knownIds: string[]): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const paramValue = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...knownIds).map((v) => ({ wire: encodeURIComponent(v) })) },
    { weight: 3, arbitrary: fc.constantFrom(...hostileStrings.filter((s) => s.isWellFormed() && s !== '')).map((v) => ({ wire: encodeURIComponent(v) })) },
    { weight: 2, arbitrary: fc.constantFrom(...hostileRawSegments).map((wire) => ({ wire })) },
    { weight: 1, arbitrary: fc.constantFrom(...hostileStrings).map((direct) => ({ direct })) },
  );
  const params = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, paramValue])) as Record<string, typeof paramValue>);
  const queryEntry = (p: Parameter): fc.Arbitrary<[string, string][]> => {
    const conforming = fromSchema(p.schema ?? {}, doc).map((v) => (typeof v === 'string' ? v : toJsonText(v)));
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant<[string, string][]>([]) },
      { weight: 2, arbitrary: conforming.map((v) => [[p.name, v] as [string, string]]) },
      { weight: 2, arbitrary: hostileQueryValue.map((v) => [[p.name, v] as [string, string]]) },
      { weight: 1, arbitrary: fc.tuple(hostileQueryValue, conforming).map(([a, b]) => [[p.name, a], [p.name, b]] as [string, string][]) },
    );
  };
  const query = fc
    .tuple(fc.tuple(...queryParams.map(queryEntry)), fc.option(fc.tuple(fc.constantFrom('__proto__', 'limit', 'cursor', '\u0000', 'x'.repeat(500)), hostileQueryValue)))
    .map(([entries, extra]) => [...entries.flat(), ...(extra ? [extra] : [])]);
  const hasBody = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH';
  return fc.record({
    op: fc.constant(op),
    auth: fc.oneof({ weight: 12, arbitrary: fc.constant<Auth>('admin') }, { weight: 1, arbitrary: fc.constantFrom<Auth>('read', 'none', 'bogus') }),
    params,
    query,
    body: hasBody ? bodyArbitrary(op, doc) : fc.constant(undefined),
    contentType: fc.oneof({ weight: 9, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', '') }),
  });
}

const routeModules = new Map<string, Promise<Record<string, unknown>>>();
function routeModule(templatePath: string): Promise<Record<string, unknown>> {
  const file = path.join(process.cwd(), 'app', templatePath.replace(/\{(\w+)\}/g, '[$1]'), 'route.ts');
  let mod = routeModules.get(file);
  if (!mod) routeModules.set(file, (mod = import(pathToFileURL(file).href)));
  return mod;
}

type Keys = { admin: string; read: string };
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function urlOf(r: FuzzRequest): string {
  const wirePath = r.op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = r.params[name];
    return 'wire' in v ? v.wire : encodeURIComponent(v.direct.isWellFormed() ? v.direct : 'direct');
  });
  const search = new URLSearchParams(r.query.map(([k, v]) => [k.isWellFormed() ? k : k.toWellFormed(), v.isWellFormed() ? v : v.toWellFormed()]));
  const qs = search.toString();
  return `http://fuzz.test${wirePath}${qs ? `?${qs}` : ''}`;
}

export function describeRequest(r: FuzzRequest): string {
  const body = r.body === undefined ? '' : 'text' in r.body ? ` body=${r.body.text.slice(0, 300)}` : ` bytes=${JSON.stringify(r.body.bytes)}`;
  const direct = Object.entries(r.params).filter(([, v]) => 'direct' in v).map(([k, v]) => ` ${k}=${JSON.stringify((v as { direct: string }).direct).slice(0, 80)}`);
  return `${r.op.method} ${urlOf(r).slice(0, 400)} auth=${r.auth}${direct.join('')}${body}`;
}

/** Whether Next.js runs the proxy for this path: its matchers, all of the `/prefix/:path*` form. */
function proxyMatches(matchers: string[], pathname: string): boolean {
  return matchers.some((m) => {
    const prefix = /^(\/[\w/-]*?)\/:path\*$/.exec(m)?.[1];
    if (!prefix) throw new Error(`The fuzzer cannot read the proxy matcher ${m}`);
    return pathname === prefix || pathname.startsWith(`${prefix}/`);
  });
}

type ParamValue = { wire: string } | { direct: string };
type Dispatch = { method: string; url: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer>; template: string; params: Record<string, ParamValue> };

/** One request the way Next.js serves it: the proxy first (where its matcher says), then the route's handler with decoded params. */
async function dispatch(d: Dispatch): Promise<Response> {
  const { proxy, config } = await import('@/proxy');
  if (proxyMatches(config.matcher, new URL(d.url).pathname)) {
    const routed = await proxy(new NextRequest(d.url, { method: d.method, headers: d.headers }));
    if (routed.headers.get('x-middleware-next') !== '1') return routed;
  }
  const params: Record<string, string> = {};
  for (const [name, v] of Object.entries(d.params)) {
    if ('direct' in v) params[name] = v.direct;
    else {
      try {
        params[name] = decodeURIComponent(v.wire);
      } catch {
        // What Next.js does with a parameter it cannot decode when nothing stops the request before.
        return new Response('<!DOCTYPE html><title>400: Bad Request</title>', { status: 400, headers: { 'content-type': 'text/html' } });
      }
    }
  }
  const handler = (await routeModule(d.template))[d.method] as Handler | undefined;
  if (!handler) return new Response(null, { status: 405 });
  return handler(new NextRequest(d.url, { method: d.method, headers: d.headers, body: d.body }), { params: Promise.resolve(params) });
}

/**
 * For tests: `fetch` against the /v1 route files as Next.js would route `pathAndQuery` (given as on the wire,
 * percent-encodings and all), without a build.
 */
export async function fetchLikeNext(method: string, pathAndQuery: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  const url = `http://fuzz.test${pathAndQuery}`;
  const segments = new URL(url).pathname.split('/');
  // As Next.js routes: a static segment wins over a dynamic one in the same place (/v1/alerts/preview before /v1/alerts/{id}).
  const rank = (p: string) => p.split('/').map((part) => (part.startsWith('{') ? '1' : '0')).join('');
  for (const route of listRouteFiles().sort((a, b) => rank(a.path).localeCompare(rank(b.path)))) {
    const parts = route.path.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, ParamValue> = {};
    const matches = parts.every((part, i) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name) params[name] = { wire: segments[i] };
      return name ? segments[i] !== '' : part === segments[i];
    });
    if (matches) return dispatch({ method, url, headers: init.headers ?? {}, body: init.body, template: route.path, params });
  }
  return new Response(null, { status: 404 });
}

async function send(r: FuzzRequest, keys: Keys): Promise<Response> {
  const headers: Record<string, string> = {};
  if (r.contentType) headers['content-type'] = r.contentType;
  if (r.auth === 'admin') headers.authorization = `Bearer ${keys.admin}`;
  if (r.auth === 'read') headers.authorization = `Bearer ${keys.read}`;
  if (r.auth === 'bogus') headers.authorization = 'Bearer cf_live_\u00ff"x';
  const body = r.body === undefined ? undefined : 'text' in r.body ? r.body.text : new Uint8Array(r.body.bytes);
  return dispatch({ method: r.op.method, url: urlOf(r), headers, body, template: r.op.path, params: r.params });
}

let tenantTables: Promise<string[]> | undefined;
/**
 * A fingerprint of everything the workspace holds: per tenant table, its row count and a hash of its rows.
 * api_keys is left out: authenticating a request stamps the key's last use.
 */
async function fingerprint(workspaceId: string): Promise<Record<string, string>> {
  tenantTables ??= sql<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'workspace_id' AND table_name <> 'api_keys' ORDER BY 1`.then((rows) => rows.map((r) => r.table_name));
  const tables = await tenantTables;
  const selects = tables.map((t) => `(SELECT count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) FROM "${t}" x WHERE workspace_id = $1) AS "${t}"`);
  const [row] = await sql.unsafe<Record<string, string>[]>(`SELECT ${selects.join(', ')}`, [workspaceId]);
  return row;
}

function problemsWith(status: number, contentType: string | null, text: string): string | undefined {
  if (status >= 500) return `answered ${status}: ${text.slice(0, 200)}`;
  if (status >= 300 && status < 400) return `answered ${status}: the API never redirects`;
  if (status < 400) return undefined;
  if (!DESIGN_STATUSES.has(status)) return `answered ${status}, not a status DESIGN §4 lists`;
  if (!contentType?.includes('application/json')) return `answered ${status} with ${contentType ?? 'no content type'}, not the error shape`;
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } };
  try {
    body = JSON.parse(text);
  } catch {
    return `answered ${status} with a body that is not JSON`;
  }
  const e = body.error;
  if (!e || typeof e.code !== 'string' || !e.code || typeof e.message !== 'string') return `answered ${status} without {"error":{"code","message"}}: ${text.slice(0, 200)}`;
  if (e.details !== undefined) {
    const ok = Array.isArray(e.details) && e.details.every((d) => d && typeof d.path === 'string' && typeof d.message === 'string');
    if (!ok) return `answered ${status} with malformed details: ${text.slice(0, 200)}`;
  }
  return undefined;
}

/** Seeds objects the fuzzer can aim at (so PATCH and DELETE meet real rows), through the handlers themselves. */
async function seed(ops: Operation[], keys: Keys): Promise<string[]> {
  const ids = ['fuzz-conv', 'fuzz-avatar', 'fuzz-customer', 'nope'];
  const post = async (p: string, body: unknown, params: Record<string, string> = {}) => {
    const handler = (await routeModule(p))['POST'] as Handler | undefined;
    if (!handler) return undefined;
    const url = `http://fuzz.test${p.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n]))}`;
    const res = await handler(new NextRequest(url, { method: 'POST', headers: { authorization: `Bearer ${keys.admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }), { params: Promise.resolve(params) });
    return res.ok ? ((await res.json()) as { id?: string }) : undefined;
  };
  await post('/v1/conversations', { id: 'fuzz-conv', avatarId: 'fuzz-avatar', customerId: 'fuzz-customer' });
  await post('/v1/conversations/{id}/messages', { id: 'fuzz-msg', role: 'user', content: 'hello, thanks' }, { id: 'fuzz-conv' });
  for (const op of ops.filter((o) => o.method === 'POST' && !o.path.includes('{') && o.path !== '/v1/batch')) {
    for (const example of op.bodyExamples.slice(0, 1)) {
      const created = await post(op.path, example);
      if (created?.id) ids.push(created.id);
    }
  }
  return ids;
}

export type FuzzOptions = { runs: number; seed?: number; onProgress?: (done: number) => void };

/** Runs `runs` cases spread over every operation of the document; returns counts and every failure found. */
export async function fuzzOpenApi(options: FuzzOptions): Promise<FuzzResult> {
  const { GET } = await import('@/app/v1/openapi.json/route');
  const doc = (await GET(new Request('http://fuzz.test/v1/openapi.json')).json()) as Document;
  const ops = operationsOf(doc);
  const workspace = await createTestWorkspace('Fuzz workspace');
  const keys = { admin: await createTestApiKey(workspace.id), read: await createTestApiKey(workspace.id, ['read']) };
  const knownIds = await seed(ops, keys);
  const perOperation = Math.max(1, Math.ceil(options.runs / ops.length));
  const failures: FuzzFailure[] = [];
  const statuses: Record<string, number> = {};
  let cases = 0;
  for (const [index, op] of ops.entries()) {
    const operation = `${op.method} ${op.path}`;
    await fc.assert(
      fc.asyncProperty(requestArbitrary(op, doc, knownIds), async (r) => {
        cases++;
        const before = await fingerprint(workspace.id);
        let reason: string | undefined;
        let status = 0;
        try {
          const res = await send(r, keys);
          status = res.status;
          reason = problemsWith(res.status, res.headers.get('content-type'), await res.text());
        } catch (error) {
          reason = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
        }
        if (!reason && status >= 400) {
          const after = await fingerprint(workspace.id);
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          if (changed.length) reason = `answered ${status} but wrote to ${changed.join(', ')}`;
        }
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (reason) failures.push({ operation, reason, request: describeRequest(r) });
        options.onProgress?.(cases);
        return true;
      }),
      { numRuns: perOperation, seed: options.seed === undefined ? undefined : options.seed + index, endOnFailure: true },
    );
  }
  return { operations: ops.length, cases, failures, statuses };
}
