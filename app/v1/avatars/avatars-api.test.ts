import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { ingestBatch } from '@/lib/ingest/batch';
import { methodRequest as request, noParams, routeParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { DELETE as deleteOne, GET as getOne, PATCH as patchOne } from './[avatarId]/route';
import { GET as list, POST as create } from './route';

afterAll(closeDb);

const one = (avatarId: string) => routeParams({ avatarId });

async function adminWorkspace() {
  const ws = await createTestWorkspace();
  return { ws, key: await createTestApiKey(ws.id, ['admin']) };
}

const avatarCount = async (workspaceId: string) =>
  (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM avatars WHERE workspace_id = ${workspaceId}::uuid`)[0].n;

test('create, list, read, rename and delete an avatar', async () => {
  const { ws, key } = await adminWorkspace();
  const res = await create(request('POST', '/v1/avatars', key, { id: 'avt_sales', name: '  Sales Bot ', description: 'Answers pricing questions' }), noParams);
  expect(res.status).toBe(201);
  const created = await res.json();
  expect(created).toEqual({ id: 'avt_sales', name: 'Sales Bot', description: 'Answers pricing questions', createdAt: expect.any(String) });

  // Without an id, one is generated.
  const generated = await (await create(request('POST', '/v1/avatars', key, { name: 'Helper' }), noParams)).json();
  expect(generated.id).toMatch(/^avt_[\w-]{12}$/);

  const listed = await (await list(request('GET', '/v1/avatars', key), noParams)).json();
  expect(listed.data.map((a: { id: string }) => a.id)).toEqual([generated.id, 'avt_sales']); // by name: Helper, Sales Bot

  expect(await (await getOne(request('GET', '/v1/avatars/avt_sales', key), one('avt_sales'))).json()).toEqual(created);
  const renamed = await patchOne(request('PATCH', '/v1/avatars/avt_sales', key, { name: 'Sales', description: '' }), one('avt_sales'));
  expect(await renamed.json()).toMatchObject({ id: 'avt_sales', name: 'Sales', description: null });

  expect((await deleteOne(request('DELETE', '/v1/avatars/avt_sales', key), one('avt_sales'))).status).toBe(204);
  expect((await getOne(request('GET', '/v1/avatars/avt_sales', key), one('avt_sales'))).status).toBe(404);
  const audit = await sql`SELECT action FROM audit_log WHERE workspace_id = ${ws.id}::uuid AND target_type = 'avatar' ORDER BY created_at, action`;
  expect(audit.map((r) => r.action).sort()).toEqual(['avatar.created', 'avatar.created', 'avatar.deleted', 'avatar.updated']);
});

test('an avatar ingestion created can be named; one with conversations cannot be deleted', async () => {
  const { ws, key } = await adminWorkspace();
  await ingestBatch(ws.id, { batch: [{ id: 'i1', type: 'conversation', body: { id: 'c1', avatarId: 'shop-bot' } }] });
  const dup = await create(request('POST', '/v1/avatars', key, { id: 'shop-bot', name: 'Shop' }), noParams);
  expect(dup.status).toBe(409);
  expect((await dup.json()).error.code).toBe('conflict');

  const named = await patchOne(request('PATCH', '/v1/avatars/shop-bot', key, { name: 'Shop assistant' }), one('shop-bot'));
  expect((await named.json()).name).toBe('Shop assistant');
  const [row] = await sql`SELECT name FROM avatars WHERE workspace_id = ${ws.id}::uuid AND id = 'shop-bot'`;
  expect(row.name).toBe('Shop assistant');

  const refused = await deleteOne(request('DELETE', '/v1/avatars/shop-bot', key), one('shop-bot'));
  expect(refused.status).toBe(409);
  expect((await refused.json()).error.message).toMatch(/has conversations/);
  expect(await avatarCount(ws.id)).toBe(1);
});

test('bad input gets the API error shape and writes nothing', async () => {
  const { ws, key } = await adminWorkspace();
  const cases: [ReturnType<typeof request>, number][] = [
    [request('POST', '/v1/avatars', key, undefined, '{"name":'), 400],
    [request('POST', '/v1/avatars', key, { name: '' }), 422],
    [request('POST', '/v1/avatars', key, { name: 'x', colour: 'red' }), 422],
    [request('POST', '/v1/avatars', key, { name: 'x', id: 'a\u0000b' }), 422],
    [request('POST', '/v1/avatars', key, { name: 'x', description: 'd'.repeat(501) }), 422],
  ];
  for (const [req, status] of cases) {
    const res = await create(req, noParams);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBeTruthy();
  }
  const patch = await patchOne(request('PATCH', '/v1/avatars/none', key, { name: 'y' }), one('none'));
  expect(patch.status).toBe(404);
  expect(await avatarCount(ws.id)).toBe(0);
});

test('scopes and workspaces: read keys are refused, another workspace sees 404', async () => {
  const { ws, key } = await adminWorkspace();
  await create(request('POST', '/v1/avatars', key, { id: 'mine', name: 'Mine' }), noParams);
  const readKey = await createTestApiKey(ws.id, ['read']);
  expect((await list(request('GET', '/v1/avatars', readKey), noParams)).status).toBe(403);
  expect((await list(request('GET', '/v1/avatars', null), noParams)).status).toBe(401);

  const other = await adminWorkspace();
  expect((await getOne(request('GET', '/v1/avatars/mine', other.key), one('mine'))).status).toBe(404);
  expect((await patchOne(request('PATCH', '/v1/avatars/mine', other.key, { name: 'Stolen' }), one('mine'))).status).toBe(404);
  expect((await deleteOne(request('DELETE', '/v1/avatars/mine', other.key), one('mine'))).status).toBe(404);
  expect((await (await list(request('GET', '/v1/avatars', other.key), noParams)).json()).data).toEqual([]);
  const [row] = await sql`SELECT name FROM avatars WHERE workspace_id = ${ws.id}::uuid AND id = 'mine'`;
  expect(row.name).toBe('Mine');
});
