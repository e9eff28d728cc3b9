import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { createClient, type ClientOptions } from './client';
import { ConfabError } from './errors';
import { acceptAll, batchItemsOf, sendJson, startFakeServer, type FakeServer } from './testing/fake-server';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function makeClient(overrides: Partial<ClientOptions> = {}) {
  const errors: ConfabError[] = [];
  const client = createClient({
    apiKey: 'cfb_test_key',
    baseUrl: `${server.baseUrl}/`,
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    onError: (error) => errors.push(error),
    ...overrides,
  });
  return { client, errors };
}

test('direct methods POST to the single endpoints with the API key and ISO dates', async () => {
  const { client } = makeClient();
  const created = await client.getOrCreateConversation({
    id: 'conv_1',
    avatarId: 'avt_1',
    device: 'mobile',
    startedAt: new Date('2024-05-01T10:00:00Z'),
  });
  expect(created).toEqual({
    ok: true,
    path: '/v1/conversations',
    received: { id: 'conv_1', avatarId: 'avt_1', device: 'mobile', startedAt: '2024-05-01T10:00:00.000Z' },
  });
  await client.initializeConversation({ id: 'conv 2', avatarId: 'avt_1' });
  await client.addMessages('conv 2', { role: 'user', content: 'hi' });
  await client.addMessages('conv_1', [
    { id: 'm1', role: 'user', content: 'a' },
    { role: 'assistant', content: 'b', tokens: { completion: 3 } },
  ]);
  await client.addAction('conv_1', { name: 'lookup', durationMs: 12 });
  await client.endConversation('conv_1', { feedback: 'positive', endedAt: '2024-05-01T10:05:00Z' });
  await client.track('signup', { plan: 'pro' }, { conversationId: 'conv_1' });

  expect(server.requests.map((r) => r.url)).toEqual([
    '/v1/conversations',
    '/v1/conversations/initialize',
    '/v1/conversations/conv%202/messages',
    '/v1/conversations/conv_1/messages',
    '/v1/conversations/conv_1/actions',
    '/v1/conversations/conv_1/end',
    '/v1/events',
  ]);
  for (const req of server.requests) {
    expect(req.method).toBe('POST');
    expect(req.headers.authorization).toBe('Bearer cfb_test_key');
    expect(req.headers['content-type']).toBe('application/json');
  }
  const [, , single, many, action, end, event] = server.requests.map((r) => JSON.parse(r.body));
  expect(single).toEqual({ id: expect.stringMatching(UUID), role: 'user', content: 'hi' });
  expect(many.messages).toEqual([
    { id: 'm1', role: 'user', content: 'a' },
    { id: expect.stringMatching(UUID), role: 'assistant', content: 'b', tokens: { completion: 3 } },
  ]);
  expect(action).toEqual({ id: expect.stringMatching(UUID), name: 'lookup', durationMs: 12 });
  expect(end).toEqual({ feedback: 'positive', endedAt: '2024-05-01T10:05:00Z' });
  expect(event).toEqual({ id: expect.stringMatching(UUID), name: 'signup', properties: { plan: 'pro' }, conversationId: 'conv_1' });
});

test('an API error becomes a ConfabError and a 4xx is not retried', async () => {
  const { client } = makeClient();
  server.handle((_req, res) =>
    sendJson(res, 422, { error: { code: 'validation_error', message: 'Invalid body', details: [{ path: ['role'] }] } }),
  );
  const call = client.addMessages('conv_1', { role: 'user', content: '' });
  await expect(call).rejects.toBeInstanceOf(ConfabError);
  await expect(call).rejects.toMatchObject({
    status: 422,
    code: 'validation_error',
    message: 'Invalid body',
    details: [{ path: ['role'] }],
  });
  expect(server.requests).toHaveLength(1);
});

test('a direct call is retried after a 503 with the same body, and gives up after the retries', async () => {
  const { client } = makeClient();
  server.handle((req, res, index) => (index === 0 ? sendJson(res, 503, { error: { code: 'unavailable', message: 'busy' } }) : acceptAll(req, res, index)));
  await client.addMessages('conv_1', { role: 'user', content: 'hello' });
  expect(server.requests).toHaveLength(2);
  expect(server.requests[1].body).toBe(server.requests[0].body);

  server.reset();
  server.handle((_req, res) => sendJson(res, 500, { error: { code: 'internal_error', message: 'boom' } }));
  await expect(client.track('x')).rejects.toMatchObject({ status: 500, code: 'internal_error' });
  expect(server.requests).toHaveLength(4);
  expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
});

test('queued items are sent when maxItems is reached, in order, each with one stable id', async () => {
  const { client, errors } = makeClient({ batch: { maxItems: 3, flushIntervalMs: 60_000 } });
  for (let i = 0; i < 7; i++) client.enqueue.message('conv_1', { role: 'user', content: `m${i}` });
  await server.waitForRequests(2);
  expect(server.requests).toHaveLength(2);
  await client.flush();

  const batches = server.batches().map(batchItemsOf);
  expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
  const items = batches.flat();
  expect(items.map((item) => item.type === 'message' && item.body.content)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
  for (const item of items) {
    expect(item.id).toMatch(UUID);
    expect(item.body).toMatchObject({ id: item.id, conversationId: 'conv_1', createdAt: expect.any(String) });
    expect(item.timestamp).toEqual(expect.any(String));
  }
  expect(new Set(items.map((item) => item.id)).size).toBe(7);
  expect(errors).toEqual([]);
});

test('queued items are sent flushIntervalMs after the first was queued', async () => {
  const { client } = makeClient({ batch: { flushIntervalMs: 50 } });
  const start = Date.now();
  client.enqueue.conversation({ id: 'conv_1', avatarId: 'avt_1' });
  client.enqueue.event({ name: 'opened', conversationId: 'conv_1' });
  expect(server.requests).toHaveLength(0);
  await server.waitForRequests(1);
  expect(Date.now() - start).toBeGreaterThanOrEqual(45);
  expect(batchItemsOf(server.requests[0]).map((item) => item.type)).toEqual(['conversation', 'event']);
  await client.shutdown();
  expect(server.requests).toHaveLength(1);
});

test('flush sends nothing when the queue is empty, and shutdown flushes what is queued', async () => {
  const { client } = makeClient({ batch: { flushIntervalMs: 60_000 } });
  await client.flush();
  expect(server.requests).toHaveLength(0);

  const endedAt = new Date('2024-05-01T10:05:00Z');
  client.enqueue.initialize({ id: 'conv_1', avatarId: 'avt_1' });
  client.enqueue.action('conv_1', { name: 'open_ticket', durationMs: 40 });
  client.enqueue.end('conv_1', { endedAt, escalated: true });
  await client.shutdown();
  expect(server.requests).toHaveLength(1);
  const [init, action, end] = batchItemsOf(server.requests[0]);
  expect(init).toMatchObject({ type: 'conversation.initialize', body: { id: 'conv_1', avatarId: 'avt_1' } });
  expect(action).toMatchObject({ type: 'action', body: { id: action.id, conversationId: 'conv_1', name: 'open_ticket' } });
  expect(end).toMatchObject({ type: 'conversation.end', body: { conversationId: 'conv_1', endedAt: endedAt.toISOString(), escalated: true } });
});
