import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { apiRequest, noParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { ingestRowCounts } from '@/test/ingest-db';
import { POST } from './route';

afterAll(closeDb);

async function setup() {
  const ws = await createTestWorkspace();
  return { ws, key: await createTestApiKey(ws.id, ['ingest']) };
}

test('answers 207 with a result per item, in input order', async () => {
  const { key } = await setup();
  const response = await POST(
    apiRequest('/v1/batch', {
      batch: [
        { id: 'i1', type: 'conversation', body: { id: 'c1', avatarId: 'bot' } },
        { id: 'i2', type: 'message', body: { conversationId: 'c1', role: 'user', content: 'hi' } },
        { id: 'i3', type: 'message', body: { conversationId: 'c1', role: 'user' } },
      ],
    }, { key }),
    noParams,
  );
  expect(response.status).toBe(207);
  const { results } = await response.json();
  expect(results).toEqual([
    { id: 'i1', status: 201 },
    { id: 'i2', status: 201 },
    { id: 'i3', status: 422, error: { code: 'validation_error', message: 'Invalid batch item', details: [{ path: 'body.content', message: expect.any(String) }] } },
  ]);
});

test('accepts up to 5 MB and refuses more with 413, writing nothing', async () => {
  const { ws, key } = await setup();
  const item = (i: number) => ({ id: `i${i}`, type: 'message', body: { conversationId: 'c', role: 'user', content: 'x'.repeat(6000) } });
  const fits = JSON.stringify({ batch: Array.from({ length: 800 }, (_, i) => item(i)) });
  expect(fits.length).toBeGreaterThan(4.5 * 1024 * 1024);
  expect((await POST(apiRequest('/v1/batch', null, { key, raw: fits }), noParams)).status).toBe(207);

  const other = await setup();
  const tooBig = JSON.stringify({ batch: Array.from({ length: 900 }, (_, i) => item(i)) });
  const response = await POST(apiRequest('/v1/batch', null, { key: other.key, raw: tooBig }), noParams);
  expect(response.status).toBe(413);
  expect(await ingestRowCounts(other.ws.id)).toMatchObject({ conversations: 0, messages: 0, idempotency_keys: 0 });
  expect((await ingestRowCounts(ws.id)).messages).toBe(800);
});

test('400 for malformed JSON and 422 for a bad envelope', async () => {
  const { ws, key } = await setup();
  expect((await POST(apiRequest('/v1/batch', null, { key, raw: '{"batch": [' }), noParams)).status).toBe(400);
  const response = await POST(apiRequest('/v1/batch', { batch: { not: 'an array' } }, { key }), noParams);
  expect(response.status).toBe(422);
  expect((await response.json()).error.details[0].path).toBe('batch');
  expect((await ingestRowCounts(ws.id)).conversations).toBe(0);
});

test('a batch written with another workspace’s ids stays in its own workspace', async () => {
  const a = await setup();
  const b = await setup();
  const batch = { batch: [{ id: 'same-item', type: 'message', body: { conversationId: 'same-conv', role: 'user', content: 'hi' } }] };
  const first = await POST(apiRequest('/v1/batch', batch, { key: a.key }), noParams);
  const second = await POST(apiRequest('/v1/batch', batch, { key: b.key }), noParams);
  // The item id was seen in A, not in B: B applies it as new.
  expect((await first.json()).results[0].status).toBe(201);
  expect((await second.json()).results[0].status).toBe(201);
  expect((await ingestRowCounts(a.ws.id)).messages).toBe(1);
  expect((await ingestRowCounts(b.ws.id)).messages).toBe(1);
});
