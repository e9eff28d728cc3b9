import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { methodRequest as request, noParams, routeParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { createGoal } from '@/lib/goals/service';
import { DELETE as deleteOne, GET as getOne, PATCH as patchOne } from './[id]/route';
import { GET as list, POST as create } from './route';

afterAll(closeDb);

const one = (id: string) => routeParams({ id });
const checkout = {
  name: 'Checkout',
  steps: [{ type: 'conversation_started' }, { type: 'user_messages', count: 3, label: 'Engaged' }, { type: 'event', name: 'checkout', properties: { plan: 'pro' } }],
};

async function adminWorkspace() {
  const ws = await createTestWorkspace();
  return { ws, key: await createTestApiKey(ws.id, ['admin']) };
}

async function createOk(key: string, body: unknown) {
  const res = await create(request('POST', '/v1/funnels', key, body), noParams);
  expect(res.status).toBe(201);
  return res.json();
}

async function details(res: Response, status = 422) {
  expect(res.status).toBe(status);
  const body = await res.json();
  return (body.error.details ?? []).map((d: { path: string }) => d.path);
}

const funnelCount = async (workspaceId: string) =>
  (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM funnels WHERE workspace_id = ${workspaceId}::uuid`)[0].n;

test('create, list, read, update and delete a funnel', async () => {
  const { ws, key } = await adminWorkspace();
  const funnel = await createOk(key, checkout);
  expect(funnel).toEqual({ id: expect.stringMatching(/^fnl_/), name: 'Checkout', avatarId: null, steps: checkout.steps, createdAt: expect.any(String), updatedAt: expect.any(String) });

  const listed = await (await list(request('GET', '/v1/funnels', key), noParams)).json();
  expect(listed.data.map((f: { id: string }) => f.id)).toEqual([funnel.id]);
  const read = await getOne(request('GET', `/v1/funnels/${funnel.id}`, key), one(funnel.id));
  expect(await read.json()).toEqual(funnel);

  const renamed = await patchOne(request('PATCH', `/v1/funnels/${funnel.id}`, key, { name: '  Checkout (pro)  ', avatarId: 'sales-bot' }), one(funnel.id));
  expect(renamed.status).toBe(200);
  expect(await renamed.json()).toMatchObject({ id: funnel.id, name: 'Checkout (pro)', avatarId: 'sales-bot', steps: checkout.steps });
  const restepped = await patchOne(request('PATCH', `/v1/funnels/${funnel.id}`, key, { avatarId: null, steps: [{ type: 'tool', name: 'search_kb' }, { type: 'user_messages', count: 1 }] }), one(funnel.id));
  expect(await restepped.json()).toMatchObject({ name: 'Checkout (pro)', avatarId: null, steps: [{ type: 'tool', name: 'search_kb' }, { type: 'user_messages', count: 1 }] });

  const deleted = await deleteOne(request('DELETE', `/v1/funnels/${funnel.id}`, key), one(funnel.id));
  expect(deleted.status).toBe(204);
  expect(await deleted.text()).toBe('');
  expect((await getOne(request('GET', `/v1/funnels/${funnel.id}`, key), one(funnel.id))).status).toBe(404);
  expect((await deleteOne(request('DELETE', `/v1/funnels/${funnel.id}`, key), one(funnel.id))).status).toBe(404);
  expect(await funnelCount(ws.id)).toBe(0);
  const [audit] = await sql<{ actions: string[] }[]>`
    SELECT array_agg(action ORDER BY created_at, action) AS actions FROM audit_log WHERE workspace_id = ${ws.id}::uuid AND target_id = ${funnel.id}`;
  expect(audit.actions.sort()).toEqual(['funnel.created', 'funnel.deleted', 'funnel.updated', 'funnel.updated']);
});

test('invalid funnels answer 422 naming each field, and write nothing', async () => {
  const { ws, key } = await adminWorkspace();
  const post = async (body: unknown) => details(await create(request('POST', '/v1/funnels', key, body), noParams));
  expect(await post({ ...checkout, name: '' })).toEqual(['name']);
  expect(await post({ ...checkout, name: 'x'.repeat(101) })).toEqual(['name']);
  expect(await post({ ...checkout, steps: [{ type: 'conversation_started' }] })).toEqual(['steps']);
  expect(await post({ ...checkout, steps: Array(9).fill({ type: 'tool', name: 'search_kb' }) })).toEqual(['steps']);
  const bad = [
    { type: 'conversation_started' },
    { type: 'teleport' },
    { type: 'user_messages', count: 0 },
    { type: 'user_messages', count: '3' },
    { type: 'user_messages', count: 1001 },
    { type: 'event', name: '' },
    { type: 'tool' },
    { type: 'conversation_started' },
  ];
  expect(await post({ name: 'Bad', steps: bad })).toEqual(['steps.1.type', 'steps.2.count', 'steps.3.count', 'steps.4.count', 'steps.5.name', 'steps.6.name', 'steps.7.type']);
  expect(await post({ ...checkout, steps: [{ type: 'tool', name: 'x' }, { type: 'user_messages', count: 2.5 }] })).toEqual(['steps.1.count']);
  expect(await post({ ...checkout, steps: [{ type: 'tool', name: 'x', extra: 1 }, { type: 'event', name: 'y', properties: { plan: { nested: true } } }] })).toEqual(['steps.0', 'steps.1.properties.plan']);
  expect(await post({ ...checkout, colour: 'red' })).toEqual(['(root)']);
  expect(await post({ ...checkout, steps: [{ type: 'conversation_started' }, { type: 'goal', goalId: 'goal_nope' }] })).toEqual(['steps.1.goalId']);
  expect((await create(request('POST', '/v1/funnels', key, undefined, '{not json'), noParams)).status).toBe(400);
  expect(await funnelCount(ws.id)).toBe(0);

  const funnel = await createOk(key, checkout);
  const patch = async (body: unknown) => details(await patchOne(request('PATCH', `/v1/funnels/${funnel.id}`, key, body), one(funnel.id)));
  expect(await patch({ steps: [{ type: 'tool', name: 'a' }, { type: 'user_messages', count: -1 }] })).toEqual(['steps.1.count']);
  expect(await patch({ steps: [{ type: 'goal', goalId: 'goal_nope' }, { type: 'tool', name: 'a' }] })).toEqual(['steps.0.goalId']);
  const read = await (await getOne(request('GET', `/v1/funnels/${funnel.id}`, key), one(funnel.id))).json();
  expect(read.steps).toEqual(checkout.steps);
});

test('a goal step must name a goal of this workspace', async () => {
  const { ws, key } = await adminWorkspace();
  const other = await createTestWorkspace();
  const mine = await createGoal(ws.id, { name: 'Mine', trigger: { type: 'tool', name: 'checkout' } }, {});
  const theirs = await createGoal(other.id, { name: 'Theirs', trigger: { type: 'tool', name: 'checkout' } }, {});
  const steps = (goalId: string) => [{ type: 'conversation_started' }, { type: 'goal', goalId }];
  expect((await createOk(key, { name: 'Ok', steps: steps(mine.id) })).steps).toEqual(steps(mine.id));
  expect(await details(await create(request('POST', '/v1/funnels', key, { name: 'No', steps: steps(theirs.id) }), noParams))).toEqual(['steps.1.goalId']);
});

test('funnels need the admin scope; another workspace’s funnels are not found', async () => {
  const { key } = await adminWorkspace();
  const funnel = await createOk(key, checkout);
  const other = await createTestWorkspace();
  const otherAdmin = await createTestApiKey(other.id, ['admin']);
  const reader = await createTestApiKey(other.id, ['read', 'ingest']);

  expect((await list(request('GET', '/v1/funnels', reader), noParams)).status).toBe(403);
  expect((await create(request('POST', '/v1/funnels', reader, checkout), noParams)).status).toBe(403);
  expect((await list(request('GET', '/v1/funnels', null), noParams)).status).toBe(401);

  expect((await (await list(request('GET', '/v1/funnels', otherAdmin), noParams)).json()).data).toEqual([]);
  expect((await getOne(request('GET', `/v1/funnels/${funnel.id}`, otherAdmin), one(funnel.id))).status).toBe(404);
  expect((await patchOne(request('PATCH', `/v1/funnels/${funnel.id}`, otherAdmin, { name: 'Mine now' }), one(funnel.id))).status).toBe(404);
  expect((await deleteOne(request('DELETE', `/v1/funnels/${funnel.id}`, otherAdmin), one(funnel.id))).status).toBe(404);
  const still = await (await getOne(request('GET', `/v1/funnels/${funnel.id}`, key), one(funnel.id))).json();
  expect(still.name).toBe('Checkout');
});
