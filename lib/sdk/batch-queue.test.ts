import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { MAX_BATCH_BYTES } from './batch-queue';
import { createClient, type ClientOptions } from './client';
import type { ConfabError } from './errors';
import { acceptAll, batchItemsOf, sendJson, startFakeServer, type FakeServer } from './testing/fake-server';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function makeClient(overrides: Partial<ClientOptions> = {}) {
  const errors: ConfabError[] = [];
  const client = createClient({
    apiKey: 'cfb_test_key',
    baseUrl: server.baseUrl,
    batch: { flushIntervalMs: 60_000 },
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    onError: (error) => errors.push(error),
    ...overrides,
  });
  return { client, errors };
}

function enqueueConversation(client: ReturnType<typeof makeClient>['client']) {
  client.enqueue.conversation({ id: 'conv_1', avatarId: 'avt_1', startedAt: new Date() });
  client.enqueue.message('conv_1', { role: 'user', content: 'hello' });
  client.enqueue.event({ name: 'opened', conversationId: 'conv_1', properties: { at: new Date() } });
}

test('a batch is resent byte for byte after a 503 and after a dropped connection', async () => {
  const { client, errors } = makeClient();
  server.handle((req, res, index) => {
    if (index === 0) sendJson(res, 503, { error: { code: 'unavailable', message: 'busy' } });
    else if (index === 1) res.socket?.destroy(); // connection dropped before any answer
    else acceptAll(req, res, index);
  });
  enqueueConversation(client);
  await client.flush();
  expect(server.requests).toHaveLength(3);
  expect(server.requests[1].body).toBe(server.requests[0].body);
  expect(server.requests[2].body).toBe(server.requests[0].body);
  expect(batchItemsOf(server.requests[2])).toHaveLength(3);
  expect(errors).toEqual([]);
});

test('a batch whose request timed out is resent with the same ids', async () => {
  const { client, errors } = makeClient({ timeoutMs: 100 });
  server.handle((req, res, index) => {
    if (index > 0) acceptAll(req, res, index); // the first request never gets an answer
  });
  enqueueConversation(client);
  await client.flush();
  expect(server.requests).toHaveLength(2);
  expect(server.requests[1].body).toBe(server.requests[0].body);
  expect(errors).toEqual([]);
});

test('a 429 is retried after its Retry-After seconds', async () => {
  const { client, errors } = makeClient();
  server.handle((req, res, index) =>
    index === 0
      ? sendJson(res, 429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'Retry-After': '1' })
      : acceptAll(req, res, index),
  );
  enqueueConversation(client);
  const start = Date.now();
  await client.flush();
  expect(Date.now() - start).toBeGreaterThanOrEqual(950);
  expect(server.requests).toHaveLength(2);
  expect(server.requests[1].body).toBe(server.requests[0].body);
  expect(errors).toEqual([]);
});

test('a 4xx answer to the batch is reported with its items and not retried', async () => {
  const { client, errors } = makeClient();
  server.handle((_req, res) => sendJson(res, 401, { error: { code: 'unauthorized', message: 'Invalid API key' } }));
  enqueueConversation(client);
  await client.flush();
  expect(server.requests).toHaveLength(1);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ name: 'ConfabError', status: 401, code: 'unauthorized', message: 'Invalid API key' });
  expect(errors[0].items?.map((item) => item.type)).toEqual(['conversation', 'message', 'event']);
});

test('207: items with a 5xx are resent unchanged, items with a 4xx are reported and dropped', async () => {
  const { client, errors } = makeClient();
  server.handle((req, res, index) => {
    if (index > 0) return acceptAll(req, res, index);
    const [ok, busy, bad] = batchItemsOf(req);
    sendJson(res, 207, {
      results: [
        { id: ok.id, status: 201 },
        { id: busy.id, status: 503, error: { code: 'unavailable', message: 'try again' } },
        { id: bad.id, status: 422, error: { code: 'validation_error', message: 'Invalid name', details: [{ path: ['name'] }] } },
      ],
    });
  });
  enqueueConversation(client);
  await client.flush();

  expect(server.requests).toHaveLength(2);
  const [first, second] = server.requests.map(batchItemsOf);
  expect(second).toEqual([first[1]]);
  expect(server.requests[0].body).toContain(JSON.stringify(second[0]));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ status: 422, code: 'validation_error', details: [{ path: ['name'] }] });
  expect(errors[0].items?.[0].id).toBe(first[2].id);
});

test('items still failing with a 5xx after the retries are reported', async () => {
  const { client, errors } = makeClient({ retry: { retries: 2, baseDelayMs: 1 } });
  server.handle((req, res) =>
    sendJson(res, 207, { results: batchItemsOf(req).map((item) => ({ id: item.id, status: 500, error: { code: 'internal_error', message: 'boom' } })) }),
  );
  client.enqueue.event({ name: 'x' });
  await client.flush();
  expect(server.requests).toHaveLength(3);
  expect(errors.map((e) => [e.status, e.code])).toEqual([[500, 'internal_error']]);
});

test('batches stay under 1,000 items and 5 MB; an item too large alone is reported, not sent', async () => {
  const { client, errors } = makeClient({ batch: { maxItems: 5000, flushIntervalMs: 60_000 } });
  for (let i = 0; i < 1001; i++) client.enqueue.event({ name: `e${i}` });
  await client.flush();
  expect(server.batches().map((r) => batchItemsOf(r).length)).toEqual([1000, 1]);

  server.reset();
  const big = 'x'.repeat(2_000_000);
  for (let i = 0; i < 3; i++) client.enqueue.message('conv_1', { role: 'user', content: big });
  client.enqueue.message('conv_1', { role: 'user', content: 'y'.repeat(MAX_BATCH_BYTES) });
  await client.flush();
  expect(server.batches().map((r) => batchItemsOf(r).length)).toEqual([2, 1]);
  for (const req of server.requests) expect(Buffer.byteLength(req.body)).toBeLessThanOrEqual(MAX_BATCH_BYTES);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ status: 413, code: 'payload_too_large' });
});
