/** /v1/webhooks through the real handlers: scopes, the secret shown once, validation paths, other workspaces' 404s. */
import { afterAll, afterEach, beforeEach, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { fetchLikeNext } from '@/test/fuzz/openapi-fuzz';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';

afterAll(closeDb);
beforeEach(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE = '1';
});
afterEach(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
});

const call = async (key: string, method: string, path: string, body?: unknown) => {
  const res = await fetchLikeNext(method, path, { headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

test('create shows the secret once; list and read never do; a read key reads but cannot write', async () => {
  const ws = await createTestWorkspace();
  const admin = await createTestApiKey(ws.id, ['admin']);
  const read = await createTestApiKey(ws.id, ['read']);
  const created = await call(admin, 'POST', '/v1/webhooks', { url: 'https://hooks.example.com/confab', events: ['message.created', 'conversation.ended'], description: 'Pipeline' });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ id: expect.stringMatching(/^wh_/), url: 'https://hooks.example.com/confab', events: ['message.created', 'conversation.ended'], description: 'Pipeline', enabled: true, secret: expect.stringMatching(/^whsec_/) });
  expect(Buffer.from(created.body.secret.slice(6), 'base64')).toHaveLength(32);
  const list = await call(read, 'GET', '/v1/webhooks');
  expect(list.status).toBe(200);
  expect(list.body.data.map((w: { id: string }) => w.id)).toEqual([created.body.id]);
  expect(JSON.stringify(list.body)).not.toContain('whsec_');
  const one = await call(read, 'GET', `/v1/webhooks/${created.body.id}`);
  expect(one.body).toMatchObject({ id: created.body.id, health: { successRate24h: null, attempts24h: 0, lastFailure: null } });
  expect(one.body.secret).toBeUndefined();
  expect((await call(read, 'POST', '/v1/webhooks', { url: 'https://a.example.com/', events: ['message.created'] })).status).toBe(403);
  expect((await call(read, 'PATCH', `/v1/webhooks/${created.body.id}`, { enabled: false })).status).toBe(403);
  expect((await call(read, 'GET', `/v1/webhooks/${created.body.id}/deliveries`)).status).toBe(200);

  const patched = await call(admin, 'PATCH', `/v1/webhooks/${created.body.id}`, { enabled: false, events: ['goal.completed'] });
  expect(patched.body).toMatchObject({ enabled: false, events: ['goal.completed'] });
  const rotated = await call(admin, 'POST', `/v1/webhooks/${created.body.id}/rotate-secret`);
  expect(rotated.body.secret).toMatch(/^whsec_/);
  expect(rotated.body.secret).not.toBe(created.body.secret);
  const test202 = await call(admin, 'POST', `/v1/webhooks/${created.body.id}/test`);
  expect(test202.status).toBe(202);
  const deliveries = await call(read, 'GET', `/v1/webhooks/${created.body.id}/deliveries?status=pending`);
  expect(deliveries.body.data).toEqual([expect.objectContaining({ id: test202.body.deliveryId, eventId: test202.body.eventId, type: 'webhook.test', status: 'pending', attempts: 0 })]);
  const detail = await call(read, 'GET', `/v1/webhooks/${created.body.id}/deliveries/${test202.body.deliveryId}`);
  expect(detail.body).toMatchObject({ attempts: [], payload: { id: test202.body.eventId, type: 'webhook.test', data: { webhookId: created.body.id } } });
  expect((await call(admin, 'DELETE', `/v1/webhooks/${created.body.id}`)).status).toBe(204);
  expect((await call(admin, 'GET', `/v1/webhooks/${created.body.id}`)).status).toBe(404);
});

test('bad input is a 422 at its path and writes nothing', async () => {
  const ws = await createTestWorkspace();
  const admin = await createTestApiKey(ws.id, ['admin']);
  const unknown = await call(admin, 'POST', '/v1/webhooks', { url: 'https://hooks.example.com/x', events: ['message.created', 'message.deleted'] });
  expect(unknown.status).toBe(422);
  expect(unknown.body.error.details.map((d: { path: string }) => d.path)).toEqual(['events.1']);
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  const private_ = await call(admin, 'POST', '/v1/webhooks', { url: 'http://localhost:8080/hook', events: ['message.created'] });
  expect(private_.status).toBe(422);
  expect(private_.body.error.details).toEqual([{ path: 'url', message: expect.stringContaining('internal address') }]);
  expect((await call(admin, 'POST', '/v1/webhooks', { url: 'gopher://x', events: ['message.created'] })).body.error.details[0].path).toBe('url');
  expect((await call(admin, 'POST', '/v1/webhooks', { url: 'https://x.example.com', events: [] })).body.error.details[0].path).toBe('events');
  expect((await call(admin, 'GET', '/v1/webhooks')).body.data).toEqual([]);
});

test('another workspace’s webhook and deliveries are a 404', async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE = '1';
  const mine = await createTestWorkspace();
  const theirs = await createTestWorkspace();
  const mineKey = await createTestApiKey(mine.id, ['admin']);
  const theirKey = await createTestApiKey(theirs.id, ['admin']);
  const hook = (await call(theirKey, 'POST', '/v1/webhooks', { url: 'https://hooks.example.com/x', events: ['message.created'] })).body;
  const delivery = (await call(theirKey, 'POST', `/v1/webhooks/${hook.id}/test`)).body;
  for (const [method, path, body] of [
    ['GET', `/v1/webhooks/${hook.id}`],
    ['PATCH', `/v1/webhooks/${hook.id}`, { enabled: false }],
    ['DELETE', `/v1/webhooks/${hook.id}`],
    ['POST', `/v1/webhooks/${hook.id}/rotate-secret`],
    ['POST', `/v1/webhooks/${hook.id}/test`],
    ['GET', `/v1/webhooks/${hook.id}/deliveries`],
    ['GET', `/v1/webhooks/${hook.id}/deliveries/${delivery.deliveryId}`],
    ['POST', `/v1/webhooks/${hook.id}/deliveries/${delivery.deliveryId}/redeliver`],
    ['POST', `/v1/webhooks/${hook.id}/recover`, { since: '2025-01-01T00:00:00Z' }],
  ] as [string, string, unknown?][]) {
    const res = await call(mineKey, method, path, body);
    expect(res.status, `${method} ${path}`).toBe(404);
  }
  expect((await call(theirKey, 'GET', `/v1/webhooks/${hook.id}`)).body.enabled).toBe(true);
});
