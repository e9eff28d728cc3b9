import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { methodRequest as request, noParams, routeParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { DELETE as deleteOne, GET as getOne, PATCH as patchOne } from './[id]/route';
import { GET as list, POST as create } from './route';

afterAll(closeDb);

const one = (id: string) => routeParams({ id });
const leadGoal = { name: 'Lead captured', trigger: { type: 'pattern', pattern: '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+' } };

async function adminWorkspace() {
  const ws = await createTestWorkspace();
  return { ws, key: await createTestApiKey(ws.id, ['admin']) };
}

async function createOk(key: string, body: unknown) {
  const res = await create(request('POST', '/v1/goals', key, body), noParams);
  expect(res.status).toBe(201);
  return res.json();
}

async function goalCount(workspaceId: string) {
  const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM goals WHERE workspace_id = ${workspaceId}::uuid`;
  return row.n;
}

test('create, list, read, update and delete a goal', async () => {
  const { key } = await adminWorkspace();
  const goal = await createOk(key, leadGoal);
  expect(goal).toMatchObject({
    id: expect.stringMatching(/^goal_/),
    name: 'Lead captured',
    avatarId: null,
    trigger: { type: 'pattern', pattern: leadGoal.trigger.pattern, role: 'user' },
    backfill: { status: expect.stringMatching(/^(pending|running|done)$/), progress: expect.any(Number) },
  });

  const listed = await (await list(request('GET', '/v1/goals', key), noParams)).json();
  expect(listed.data.map((g: { id: string }) => g.id)).toEqual([goal.id]);
  const read = await getOne(request('GET', `/v1/goals/${goal.id}`, key), one(goal.id));
  expect(read.status).toBe(200);
  expect((await read.json()).name).toBe('Lead captured');

  const renamed = await patchOne(request('PATCH', `/v1/goals/${goal.id}`, key, { name: 'Lead', avatarId: 'sales-bot' }), one(goal.id));
  expect(renamed.status).toBe(200);
  expect(await renamed.json()).toMatchObject({ id: goal.id, name: 'Lead', avatarId: 'sales-bot', trigger: { type: 'pattern' } });

  const retyped = await patchOne(request('PATCH', `/v1/goals/${goal.id}`, key, { trigger: { type: 'phrases', phrases: ['thanks', 'thank you'], role: 'any' } }), one(goal.id));
  expect(await retyped.json()).toMatchObject({ name: 'Lead', trigger: { type: 'phrases', phrases: ['thanks', 'thank you'], role: 'any' } });

  const deleted = await deleteOne(request('DELETE', `/v1/goals/${goal.id}`, key), one(goal.id));
  expect(deleted.status).toBe(204);
  expect(await deleted.text()).toBe('');
  expect((await getOne(request('GET', `/v1/goals/${goal.id}`, key), one(goal.id))).status).toBe(404);
  expect((await deleteOne(request('DELETE', `/v1/goals/${goal.id}`, key), one(goal.id))).status).toBe(404);
});

test('every trigger type is accepted', async () => {
  const { key } = await adminWorkspace();
  const triggers = [
    { type: 'phrases', phrases: ['thanks', 'that helped'] },
    { type: 'event', name: 'checkout_completed', properties: { plan: 'pro', seats: 3 } },
    { type: 'event', name: 'signup' },
    { type: 'tool', name: 'book_demo' },
    { type: 'no_escalation' },
  ];
  for (const [i, trigger] of triggers.entries()) {
    const goal = await createOk(key, { name: `Goal ${i}`, trigger });
    expect(goal.trigger).toMatchObject(trigger);
  }
});

test('an invalid pattern answers 422 naming the problem at trigger.pattern, and writes nothing', async () => {
  const { ws, key } = await adminWorkspace();
  for (const [pattern, problem] of [
    ['(?=@)', /invalid perl operator/],
    ['[a-z', /missing ]/],
    ['a{2,1}', /invalid repetition size/],
  ] as const) {
    const res = await create(request('POST', '/v1/goals', key, { name: 'Bad', trigger: { type: 'pattern', pattern } }), noParams);
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('validation_error');
    expect(error.details).toEqual([{ path: 'trigger.pattern', message: expect.stringMatching(problem) }]);
  }
  expect(await goalCount(ws.id)).toBe(0);

  const goal = await createOk(key, leadGoal);
  const patched = await patchOne(request('PATCH', `/v1/goals/${goal.id}`, key, { trigger: { type: 'pattern', pattern: '(unclosed' } }), one(goal.id));
  expect(patched.status).toBe(422);
  expect((await patched.json()).error.details[0]).toEqual({ path: 'trigger.pattern', message: expect.stringMatching(/^Invalid pattern: missing \)/) });
  expect((await (await getOne(request('GET', `/v1/goals/${goal.id}`, key), one(goal.id))).json()).trigger.pattern).toBe(leadGoal.trigger.pattern);
});

test('other invalid bodies answer 422 with paths, malformed JSON 400', async () => {
  const { ws, key } = await adminWorkspace();
  const cases: [unknown, string][] = [
    [{ name: 'X', trigger: { type: 'regex', pattern: 'a' } }, 'trigger.type'],
    [{ name: 'X' }, 'trigger'],
    [{ name: '', trigger: { type: 'no_escalation' } }, 'name'],
    [{ name: 'X', trigger: { type: 'event' } }, 'trigger.name'],
    [{ name: 'X', trigger: { type: 'phrases', phrases: [] } }, 'trigger.phrases'],
    [{ name: 'X', trigger: { type: 'pattern', pattern: 'a', role: 'bot' } }, 'trigger.role'],
    [{ name: 'X', trigger: { type: 'no_escalation' }, color: 'red' }, '(root)'],
  ];
  for (const [body, path] of cases) {
    const res = await create(request('POST', '/v1/goals', key, body), noParams);
    expect(res.status, JSON.stringify(body)).toBe(422);
    expect((await res.json()).error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
  }
  for (const raw of ['{"name":', '', 'null']) {
    const res = await create(request('POST', '/v1/goals', key, undefined, raw), noParams);
    expect(res.status, raw).toBe(raw === 'null' ? 422 : 400);
  }
  expect(await goalCount(ws.id)).toBe(0);
});

test('a taken name answers 409 on create and rename', async () => {
  const { ws, key } = await adminWorkspace();
  await createOk(key, leadGoal);
  const other = await createOk(key, { name: 'Question answered', trigger: { type: 'phrases', phrases: ['thanks'] } });
  const again = await create(request('POST', '/v1/goals', key, { ...leadGoal, trigger: { type: 'no_escalation' } }), noParams);
  expect(again.status).toBe(409);
  expect((await again.json()).error).toMatchObject({ code: 'conflict', message: expect.stringContaining('Lead captured') });
  const rename = await patchOne(request('PATCH', `/v1/goals/${other.id}`, key, { name: 'Lead captured' }), one(other.id));
  expect(rename.status).toBe(409);
  expect(await goalCount(ws.id)).toBe(2);
});

test('keys need the admin scope; a missing or bad key is 401', async () => {
  const { ws, key } = await adminWorkspace();
  const goal = await createOk(key, leadGoal);
  for (const scopes of [['read'], ['ingest'], ['read', 'ingest']] as const) {
    const weak = await createTestApiKey(ws.id, [...scopes]);
    expect((await list(request('GET', '/v1/goals', weak), noParams)).status).toBe(403);
    expect((await create(request('POST', '/v1/goals', weak, leadGoal), noParams)).status).toBe(403);
    expect((await getOne(request('GET', `/v1/goals/${goal.id}`, weak), one(goal.id))).status).toBe(403);
    expect((await patchOne(request('PATCH', `/v1/goals/${goal.id}`, weak, { name: 'x' }), one(goal.id))).status).toBe(403);
    expect((await deleteOne(request('DELETE', `/v1/goals/${goal.id}`, weak), one(goal.id))).status).toBe(403);
  }
  expect((await list(request('GET', '/v1/goals', null), noParams)).status).toBe(401);
  expect((await create(request('POST', '/v1/goals', 'cfk_notakey', leadGoal), noParams)).status).toBe(401);
  expect((await deleteOne(request('DELETE', `/v1/goals/${goal.id}`, null), one(goal.id))).status).toBe(401);
  expect(await goalCount(ws.id)).toBe(1);
});

test('another workspace’s goal is 404 for reading, changing and deleting', async () => {
  const a = await adminWorkspace();
  const b = await adminWorkspace();
  const goal = await createOk(a.key, leadGoal);
  expect((await getOne(request('GET', `/v1/goals/${goal.id}`, b.key), one(goal.id))).status).toBe(404);
  expect((await patchOne(request('PATCH', `/v1/goals/${goal.id}`, b.key, { name: 'Stolen' }), one(goal.id))).status).toBe(404);
  expect((await deleteOne(request('DELETE', `/v1/goals/${goal.id}`, b.key), one(goal.id))).status).toBe(404);
  expect((await (await list(request('GET', '/v1/goals', b.key), noParams)).json()).data).toEqual([]);
  const still = await (await getOne(request('GET', `/v1/goals/${goal.id}`, a.key), one(goal.id))).json();
  expect(still.name).toBe('Lead captured');
  // B may use the same name: names are unique per workspace only.
  await createOk(b.key, leadGoal);
});
