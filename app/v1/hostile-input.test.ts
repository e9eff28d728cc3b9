/** Whatever clients send, the write API answers 2xx/4xx, never 500, and a 4xx writes nothing. */
import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { apiRequest, noParams, routeParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { fetchLikeNext } from '@/test/fuzz/openapi-fuzz';
import { ingestRowCounts } from '@/test/ingest-db';
import { POST as batch } from './batch/route';
import { POST as end } from './conversations/[id]/end/route';
import { POST as messages } from './conversations/[id]/messages/route';
import { POST as conversations } from './conversations/route';
import { POST as events } from './events/route';

afterAll(closeDb);

// Deeper than JSON.stringify can walk, so it is sent as text.
const deep = { raw: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) };
const bodyText = (body: unknown): string =>
  typeof body === 'object' && body !== null && 'raw' in body ? (body as { raw: string }).raw : JSON.stringify(body);
const nasty: unknown[] = [
  {}, [], 'x', 0, true, null, { id: null }, { id: {}, avatarId: [] }, { raw: `{"id":"c","avatarId":"a","metadata":${deep.raw}}` }, deep,
  { id: 'c', avatarId: 'a', startedAt: '0000-01-01T00:00:00Z' }, { id: 'c', avatarId: 'a', startedAt: '+275760-09-13T00:00:00Z' },
  { id: 'c\u0000', avatarId: 'a' }, { role: 'user', content: 5 }, { role: 'user', content: 'x', tokens: { prompt: 1e300 } },
  { role: 'user', content: 'x', tokens: { prompt: 2 ** 31 } }, { role: 'user', content: 'x', createdAt: 1714557600000 },
  { messages: [] }, { messages: 'nope' }, { messages: [{}] }, { name: 'x'.repeat(10_000) }, { name: 'e', properties: [] },
  { feedback: { rating: 'NaN' } }, { feedback: Number.MAX_VALUE }, { endedAt: '2024-02-30T00:00:00Z' },
  { batch: [null, [], { id: 1 }] },
  { raw: `{"batch":[{"id":"x","type":"message","body":{"conversationId":"c","role":"user","content":"x","metadata":${deep.raw}}}]}` },
  { raw: `{"id":"c","avatarId":"a","metadata":{"n":1e999}}` },
];

test('never answers 500 to hostile bodies', async () => {
  const ws = await createTestWorkspace();
  const key = await createTestApiKey(ws.id, ['ingest']);
  const id = routeParams({ id: 'c' });
  const calls = [
    (b: unknown) => conversations(apiRequest('/v1/conversations', null, { key, raw: bodyText(b) }), noParams),
    (b: unknown) => messages(apiRequest('/v1/conversations/c/messages', null, { key, raw: bodyText(b) }), id),
    (b: unknown) => end(apiRequest('/v1/conversations/c/end', null, { key, raw: bodyText(b) }), id),
    (b: unknown) => events(apiRequest('/v1/events', null, { key, raw: bodyText(b) }), noParams),
    (b: unknown) => batch(apiRequest('/v1/batch', null, { key, raw: bodyText(b) }), noParams),
  ];
  const statuses = new Set<number>();
  for (const body of nasty) {
    for (const call of calls) {
      const response = await call(body);
      statuses.add(response.status);
      expect(response.status, bodyText(body).slice(0, 80)).toBeLessThan(500);
    }
  }
  expect(statuses.has(422)).toBe(true);
});

test('4xx answers write nothing', async () => {
  const ws = await createTestWorkspace();
  const key = await createTestApiKey(ws.id, ['ingest']);
  const before = await ingestRowCounts(ws.id);
  for (const body of nasty) {
    const response = await conversations(apiRequest('/v1/conversations', null, { key, raw: bodyText(body) }), noParams);
    expect(response.status).toBeGreaterThanOrEqual(400);
  }
  expect(await ingestRowCounts(ws.id)).toEqual(before);
});

test('hostile path and query values, as they arrive on the wire, get the error shape and write nothing', async () => {
  const ws = await createTestWorkspace();
  const key = await createTestApiKey(ws.id);
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const before = await ingestRowCounts(ws.id);
  const cases: [string, string, number, string?][] = [
    ['GET', '/v1/conversations/%00', 422, '{}'],
    ['GET', '/v1/goals/%ED%A0%80', 400],
    ['DELETE', '/v1/customers/%FF%FE', 400],
    ['POST', '/v1/conversations/%C0%AF/messages', 400, '{"role":"user","content":"hi"}'],
    ['POST', '/v1/conversations/a%00b/messages', 422, '{"role":"user","content":"hi"}'],
    ['DELETE', `/v1/conversations/${'x'.repeat(5000)}`, 422],
    ['GET', '/v1/analytics/overview?avatarId=%00', 422],
    ['GET', '/v1/avatars/%00/analytics', 422],
    ['GET', `/v1/conversations?cursor=${Buffer.from('{"k":"x"}').toString('base64url')}`, 422],
    ['GET', '/v1/conversations?limit=1e309', 422],
    ['GET', '/v1/conversations?limit=-1&limit=5', 422],
  ];
  for (const [method, path, status, body] of cases) {
    const res = await fetchLikeNext(method, path, { headers, body: method === 'GET' || method === 'DELETE' ? undefined : body });
    expect(res.status, `${method} ${path.slice(0, 80)}`).toBe(status);
    const json = await res.json();
    expect(json.error, `${method} ${path.slice(0, 80)}`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  }
  expect(await ingestRowCounts(ws.id)).toEqual(before);
});
