import { describe, expect, test } from 'vitest';
import { zodDetails } from '@/lib/api/errors';
import { checkBatchItem } from './batch-item';
import { actionBodySchema, conversationBodySchema, endBodySchema, eventBodySchema, messageBodySchema } from './schemas';

const paths = (result: { success: boolean; error?: unknown }) =>
  result.success ? [] : zodDetails(result.error as Parameters<typeof zodDetails>[0]).map((d) => d.path);

describe('message body', () => {
  test('accepts a minimal message and ignores unknown keys and nulls', () => {
    const parsed = messageBodySchema.parse({ role: 'user', content: 'hi', extra: 1, id: null, tokens: null });
    expect(parsed).toEqual({ role: 'user', content: 'hi', id: null, tokens: null });
  });

  test.each([
    [{ role: 'robot', content: 'x' }, 'role'],
    [{ role: 'user' }, 'content'],
    [{ role: 'user', content: 'x'.repeat(32 * 1024 + 1) }, 'content'],
    [{ role: 'user', content: 'x', tokens: { prompt: -1 } }, 'tokens.prompt'],
    [{ role: 'user', content: 'x', tokens: { completion: 1.5 } }, 'tokens.completion'],
    [{ role: 'user', content: 'x', createdAt: 'yesterday' }, 'createdAt'],
    [{ role: 'user', content: 'x', createdAt: '2024-05-01T10:00:00' }, 'createdAt'],
    [{ role: 'user', content: 'x', createdAt: '1999-12-31T23:59:59Z' }, 'createdAt'],
    [{ role: 'user', content: 'x', createdAt: '2999-01-01T00:00:00Z' }, 'createdAt'],
    [{ role: 'user', content: 'x', createdAt: '2023-02-30T10:00:00Z' }, 'createdAt'],
    [{ role: 'user', content: 'x', id: '' }, 'id'],
    [{ role: 'user', content: 'x', id: 'a'.repeat(201) }, 'id'],
    [{ role: 'user', content: 'x', id: 'bad\nid' }, 'id'],
    [{ role: 'user', content: 'x', metadata: [1, 2] }, 'metadata'],
    [{ role: 'user', content: 'x', metadata: { big: 'x'.repeat(64 * 1024) } }, 'metadata'],
  ])('rejects %j at %s', (body, path) => {
    expect(paths(messageBodySchema.safeParse(body))).toContain(path);
  });

  test('accepts the content limit exactly and timestamps with offsets', () => {
    const parsed = messageBodySchema.parse({ role: 'assistant', content: 'x'.repeat(32 * 1024), createdAt: '2024-05-01T12:00:00+02:00' });
    expect(parsed.createdAt?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
  });

  test('cleans what PostgreSQL cannot store instead of failing on it', () => {
    const parsed = messageBodySchema.parse({ role: 'user', content: 'a\u0000b\ud800c', metadata: { 'k\u0000': 'v\udc00' } });
    expect(parsed.content).toBe('ab\ufffdc');
    expect(parsed.metadata).toEqual({ k: 'v\ufffd' });
  });

  test('rejects JSON nested too deeply for the database', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(paths(messageBodySchema.safeParse({ role: 'user', content: 'x', metadata: deep as object }))).toContain('metadata');
  });
});

describe('conversation body', () => {
  test('requires id and avatarId', () => {
    expect(paths(conversationBodySchema.safeParse({}))).toEqual(expect.arrayContaining(['id', 'avatarId']));
  });

  test.each([
    [{ device: 'phone' }, 'device'],
    [{ customerIpAddress: 'not-an-ip' }, 'customerIpAddress'],
    [{ startedAt: '2024-13-01T00:00:00Z' }, 'startedAt'],
    [{ language: '' }, 'language'],
  ])('rejects %j', (extra, path) => {
    expect(paths(conversationBodySchema.safeParse({ id: 'c', avatarId: 'a', ...extra }))).toContain(path);
  });

  test('canonicalises language tags', () => {
    expect(conversationBodySchema.parse({ id: 'c', avatarId: 'a', language: 'PT-br' }).language).toBe('pt-BR');
    expect(conversationBodySchema.parse({ id: 'c', avatarId: 'a', language: 'EN' }).language).toBe('en');
  });
});

test('action, end and event bodies validate their own fields', () => {
  expect(paths(actionBodySchema.safeParse({ name: 'x', durationMs: -5 }))).toContain('durationMs');
  expect(paths(actionBodySchema.safeParse({}))).toContain('name');
  expect(paths(endBodySchema.safeParse({ escalated: 'yes' }))).toContain('escalated');
  expect(endBodySchema.parse({ feedback: { rating: 4 } }).feedback).toEqual({ rating: 4 });
  expect(paths(eventBodySchema.safeParse({ name: 'x', properties: 'y' }))).toContain('properties');
});

describe('batch items', () => {
  test('validates the body against its type and prefixes detail paths', () => {
    const result = checkBatchItem({ id: 'i1', type: 'message', body: { role: 'user', content: 'x' } });
    expect(result).toMatchObject({ ok: false, id: 'i1' });
    if (!result.ok) expect(result.error.details?.map((d) => d.path)).toEqual(['body.conversationId']);
  });

  test('reports envelope errors with the id when it can', () => {
    expect(checkBatchItem({ id: 'i2', type: 'nope', body: {} })).toMatchObject({ ok: false, id: 'i2' });
    expect(checkBatchItem('garbage')).toMatchObject({ ok: false, id: null });
    expect(checkBatchItem({ type: 'event', body: { name: 'x' } })).toMatchObject({ ok: false, id: null });
  });

  test('carries the item timestamp and id into the ingest item', () => {
    const result = checkBatchItem({ id: 'i3', type: 'event', timestamp: '2024-05-01T10:00:00Z', body: { name: 'clicked' } });
    expect(result).toMatchObject({ ok: true, item: { type: 'event', key: 'i3', at: new Date('2024-05-01T10:00:00Z') } });
  });
});

test('a "__proto__" metadata key never changes a prototype', () => {
  const parsed = messageBodySchema.parse(JSON.parse('{"role":"user","content":"x","metadata":{"__proto__":{"polluted":true},"a":1}}'));
  expect(Object.getPrototypeOf(parsed.metadata)).toBe(Object.prototype);
  expect((parsed.metadata as { polluted?: boolean }).polluted).toBeUndefined();
  expect(parsed.metadata).toMatchObject({ a: 1 });
});
