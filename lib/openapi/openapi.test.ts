import { describe, expect, test } from 'vitest';
import { MAX_BATCH_ITEMS, messageBodySchema, messageListBodySchema, messageRoleSchema } from '@/lib/ingest/parse/schemas';
import { componentSchemas } from './components';
import { buildOpenApiDocument } from './document';
import { matchesJsonSchema } from './json-schema-subset';
import { registry } from './registry';
import { DOCUMENTED_AHEAD, listRouteFiles, NOT_DOCUMENTED } from './route-files';
import type { JsonSchema } from './types';

const doc = buildOpenApiDocument('https://confab.test');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;


function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

function resolvePointer(ref: string): unknown {
  expect(ref.startsWith('#/')).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc);
}

describe('the document', () => {
  test('is OpenAPI 3.1 with info, servers, bearer security and tags', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Confab API', version: expect.any(String) });
    expect(doc.servers[0].url).toBe('https://confab.test');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(new Set(doc.tags.map((t) => t.name)).size).toBe(doc.tags.length);
  });

  test('every path has operations, each with an id, a declared tag, security and responses', () => {
    const operationIds = new Set<string>();
    const tagNames = new Set(doc.tags.map((t) => t.name));
    for (const [p, item] of Object.entries(doc.paths)) {
      expect(p).toMatch(/^\/v1\//);
      const operations = METHODS.flatMap((m) => (item[m] ? [item[m]] : []));
      expect(operations.length, p).toBeGreaterThan(0);
      for (const op of operations) {
        expect(operationIds.has(op.operationId), op.operationId).toBe(false);
        operationIds.add(op.operationId);
        expect(tagNames.has(op.tags[0]), `${p} tag`).toBe(true);
        expect(op.security.every((s) => 'bearerAuth' in s)).toBe(true);
        expect(Object.keys(op.responses).length, p).toBeGreaterThan(0);
        expect(Object.keys(op.responses).some((s) => s.startsWith('2')), `${p} success response`).toBe(true);
        const pathParams = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const declared = (op.parameters ?? []).filter((x) => x.in === 'path');
        expect(declared.map((x) => x.name).sort(), `${p} path parameters`).toEqual(pathParams.sort());
        expect(declared.every((x) => x.required)).toBe(true);
      }
    }
  });

  test('every $ref resolves to a component', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\/(schemas|responses|headers)\//);
      expect(resolvePointer(ref), ref).toBeDefined();
    }
  });

  test('errors share one Error schema; 422 lists paths and 429 carries Retry-After', () => {
    const responses = doc.components.responses as Record<string, { content: Record<string, { schema: JsonSchema }>; headers?: object }>;
    for (const r of Object.values(responses)) expect(r.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(responses.RateLimited.headers).toHaveProperty('Retry-After');
    const error = doc.components.schemas.Error.properties!.error;
    expect(error.required).toEqual(['code', 'message']);
    expect(error.properties!.details.items!.required).toEqual(['path', 'message']);
    const batch = doc.paths['/v1/batch']!.post!;
    expect(Object.keys(batch.responses)).toEqual(expect.arrayContaining(['207', '401', '403', '413', '422', '429']));
  });

  test('every request body field is described, and every example passes the endpoint’s zod schema', () => {
    for (const endpoint of registry) {
      if (!endpoint.body) continue;
      const schema = componentSchemas[endpoint.body.schema];
      for (const [name, example] of Object.entries(endpoint.body.examples)) {
        const parsed = schema.safeParse(example.value);
        expect(parsed.success, `${endpoint.operationId} example ${name}: ${parsed.error?.message}`).toBe(true);
      }
    }
    for (const name of ['ConversationBody', 'MessageBody', 'ActionBody', 'EndBody', 'EventBody', 'BatchMessageBody', 'BatchActionBody', 'BatchEndBody'] as const) {
      for (const [field, schema] of Object.entries(doc.components.schemas[name].properties!)) expect(schema.description, `${name}.${field}`).toBeTruthy();
    }
  });
});

describe('coverage of app/v1', () => {
  test('every route file under app/v1 has its path and methods in the document', () => {
    const routes = listRouteFiles();
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/v1/conversations', '/v1/conversations/{id}/messages', '/v1/batch']));
    for (const route of routes) {
      if (NOT_DOCUMENTED.has(route.path)) continue;
      expect(doc.paths[route.path], `${route.path} is not in the OpenAPI registry`).toBeDefined();
      for (const method of route.methods) expect(doc.paths[route.path]?.[method as (typeof METHODS)[number]], `${method.toUpperCase()} ${route.path}`).toBeDefined();
    }
  });

  test('every documented operation has a handler (or is listed as documented ahead of it)', () => {
    const exported = new Set(listRouteFiles().flatMap((r) => r.methods.map((m) => `${m.toUpperCase()} ${r.path}`)));
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const method of METHODS.filter((m) => item[m])) {
        const op = `${method.toUpperCase()} ${p}`;
        if (DOCUMENTED_AHEAD.has(op)) expect(exported.has(op), `${op} has landed: check its registry entry, then remove it from DOCUMENTED_AHEAD`).toBe(false);
        else expect(exported.has(op), `${op} is documented but no route file exports it`).toBe(true);
      }
    }
  });
});

describe('the messages request schema', () => {
  const { MessageBody, MessageListBody, MessageRequest, BatchRequest } = doc.components.schemas;
  const components = doc.components.schemas;

  test('carries the zod schema’s enum, required fields and limits', () => {
    expect(MessageBody.properties!.role.enum).toEqual(messageRoleSchema.options);
    expect(MessageBody.required).toEqual(['role', 'content']);
    expect(MessageBody.properties!.content.maxLength).toBe(32 * 1024);
    expect(MessageListBody.properties!.messages).toMatchObject({ minItems: 1, maxItems: 1000, items: { $ref: '#/components/schemas/MessageBody' } });
    expect(MessageRequest.anyOf).toEqual([{ $ref: '#/components/schemas/MessageBody' }, { $ref: '#/components/schemas/MessageListBody' }]);
    expect(BatchRequest.properties!.batch.maxItems).toBe(MAX_BATCH_ITEMS);
  });

  const ok = { role: 'user', content: 'Hi' };
  const samples: unknown[] = [
    ok,
    { ...ok, id: null, createdAt: null, tokens: null, metadata: null, avatarId: null },
    { ...ok, role: 'assistant', tokens: { prompt: 12, completion: null }, createdAt: '2024-05-01T12:00:00+02:00', unknownKey: true },
    { ...ok, role: 'system', content: '', metadata: { a: [1, { b: null }] } },
    { ...ok, role: 'bot' },
    { ...ok, role: 'User' },
    { content: 'no role' },
    { role: 'user' },
    { ...ok, content: 42 },
    { ...ok, content: 'x'.repeat(32 * 1024 + 1) },
    { ...ok, id: '' },
    { ...ok, id: 'x'.repeat(201) },
    { ...ok, tokens: { prompt: -1 } },
    { ...ok, tokens: { prompt: 1.5 } },
    { ...ok, tokens: { completion: 10_000_001 } },
    { ...ok, tokens: 'many' },
    { ...ok, createdAt: 'yesterday' },
    { ...ok, createdAt: '2024-05-01T12:00:00' },
    { ...ok, createdAt: '2023-02-30T12:00:00Z' },
    { ...ok, metadata: ['not', 'an', 'object'] },
    { ...ok, metadata: 'text' },
    null,
    'Hi',
    [ok],
    { messages: [ok, { ...ok, role: 'assistant' }] },
    { messages: [] },
    { messages: [ok, { ...ok, role: 'robot' }] },
    { messages: ok },
  ];

  test.each(samples.map((s, i) => [i, s]))('sample %i: the JSON Schema accepts exactly what zod accepts', (_i, sample) => {
    const zodAccepts = (messageBodySchema.safeParse(sample).success || messageListBodySchema.safeParse(sample).success) === true;
    expect(matchesJsonSchema(MessageRequest, sample, components)).toBe(zodAccepts);
  });
});
