import { NextRequest } from 'next/server';
import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { listConversationsRoute } from '@/lib/transcripts/list-route';
import { seedConversation } from '@/lib/transcripts/test-data';
import { routeParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { parseCsvRecords } from '@/test/parse-csv';
import { DELETE, GET } from './route';

afterAll(closeDb);

const req = (path: string, key: string, method = 'GET') => new NextRequest(`http://test${path}`, { method, headers: { authorization: `Bearer ${key}` } });
const noParams = routeParams({} as Record<string, never>);

async function setup() {
  const ws = (await createTestWorkspace()).id;
  await seedConversation(ws, {
    id: 'conv-1', startedAt: '2024-01-10T09:00:00Z', customerId: 'cu', device: 'desktop',
    messages: [['user', 'I need a human, this is bad', 1], ['assistant', '<script>alert(1)</script>', 2]],
    tools: [{ name: 'fallback_to_human', at: 3, durationMs: 40 }], events: [{ name: 'rated', at: 4 }], endAfter: 60,
  });
  await seedConversation(ws, { id: 'conv-2', startedAt: '2024-01-20T09:00:00Z', messages: [['user', 'hello', 1]] });
  return { ws, read: await createTestApiKey(ws, ['read']), admin: await createTestApiKey(ws, ['admin']) };
}

test('GET /v1/conversations/{id} returns the full transcript', async () => {
  const { read } = await setup();
  const res = await GET(req('/v1/conversations/conv-1', read), routeParams({ id: 'conv-1' }));
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ id: 'conv-1', status: 'ended', escalated: true, customerId: 'cu', device: 'desktop', tokens: { prompt: 20, completion: 7, total: 27 } });
  expect(body.messages.map((m: { role: string; content: string }) => [m.role, m.content])).toEqual([
    ['user', 'I need a human, this is bad'],
    ['assistant', '<script>alert(1)</script>'],
  ]);
  expect(body.messages[0].sentiment.label).toBe('negative');
  expect(body.actions).toMatchObject([{ name: 'fallback_to_human', isEscalation: true, durationMs: 40 }]);
  expect(body.events).toMatchObject([{ name: 'rated' }]);
});

test('another workspace’s conversation is a 404, for reading and deleting', async () => {
  await setup();
  const other = await setup();
  const stranger = await createTestApiKey((await createTestWorkspace()).id, ['admin']);
  expect((await GET(req('/v1/conversations/conv-1', stranger), routeParams({ id: 'conv-1' }))).status).toBe(404);
  expect((await DELETE(req('/v1/conversations/conv-1', stranger, 'DELETE'), routeParams({ id: 'conv-1' }))).status).toBe(404);
  expect((await GET(req('/v1/conversations/conv-1', other.read), routeParams({ id: 'conv-1' }))).status).toBe(200);
});

test('DELETE needs the admin scope, answers 204, and the transcript is gone', async () => {
  const { read, admin } = await setup();
  expect((await DELETE(req('/v1/conversations/conv-1', read, 'DELETE'), routeParams({ id: 'conv-1' }))).status).toBe(403);
  expect((await DELETE(req('/v1/conversations/conv-1', admin, 'DELETE'), routeParams({ id: 'conv-1' }))).status).toBe(204);
  expect((await GET(req('/v1/conversations/conv-1', read), routeParams({ id: 'conv-1' }))).status).toBe(404);
});

test('GET /v1/conversations lists with filters and cursors, and rejects bad parameters with 422', async () => {
  const { read } = await setup();
  const first = await listConversationsRoute(req('/v1/conversations?start=2024-01-01&end=2024-01-31&limit=1', read), noParams);
  expect(first.status).toBe(200);
  const page1 = await first.json();
  expect(page1.data.map((c: { id: string }) => c.id)).toEqual(['conv-2']);
  const page2 = await (await listConversationsRoute(req(`/v1/conversations?start=2024-01-01&end=2024-01-31&limit=1&cursor=${page1.nextCursor}`, read), noParams)).json();
  expect(page2.data.map((c: { id: string }) => c.id)).toEqual(['conv-1']);
  expect(page2.nextCursor).toBeNull();

  const bad = await listConversationsRoute(req('/v1/conversations?start=2024-13-01&status=open&limit=0&sort=x', read), noParams);
  expect(bad.status).toBe(422);
  const details = (await bad.json()).error.details.map((d: { path: string }) => d.path);
  expect(details).toEqual(expect.arrayContaining(['start', 'status', 'limit', 'sort']));
  expect((await listConversationsRoute(req('/v1/conversations?start=2024-02-01&end=2024-01-01', read), noParams)).status).toBe(422);
});

test('GET /v1/conversations?format=csv streams an attachment, per conversation or per message', async () => {
  const { read } = await setup();
  const res = await listConversationsRoute(req('/v1/conversations?start=2024-01-01&end=2024-01-31&format=csv&escalated=true', read), noParams);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="confab-conversations-2024-01-01_2024-01-31\.csv"/);
  expect(parseCsvRecords(await res.text()).map((r) => r.id)).toEqual(['conv-1']);
  const messages = await listConversationsRoute(req('/v1/conversations?format=csv&type=messages&sort=startedAt&order=asc', read), noParams);
  expect(parseCsvRecords(await messages.text()).map((r) => r.content)).toEqual(['I need a human, this is bad', '<script>alert(1)</script>', 'hello']);
});
