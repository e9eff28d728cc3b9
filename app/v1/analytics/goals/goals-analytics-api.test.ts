import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { noParams, routeParams } from '@/test/api-request';
import { apiGet } from '@/test/api-get';
import { expectClose } from '@/test/expect-close';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { createGoalsWorkspace, EXPECTED, PERIOD, type GoalsDataset } from '@/test/goals-dataset';
import { GET as one } from './[id]/route';
import { GET as all } from './route';

afterAll(closeDb);

let data: GoalsDataset;
let key: string;
beforeAll(async () => {
  data = await createGoalsWorkspace();
  key = await createTestApiKey(data.workspaceId, ['read']);
});

const RANGE_QUERY = 'start=2024-11-04&end=2024-11-06';

async function json(response: Response, status = 200) {
  expect(response.status).toBe(status);
  return response.json();
}

test('GET /v1/analytics/goals answers every goal’s figures for the range', async () => {
  const body = await json(await all(apiGet(`/v1/analytics/goals?${RANGE_QUERY}`, key), noParams));
  expect(body).toMatchObject({ groupBy: 'day', timezone: 'Europe/Berlin', period: PERIOD, conversations: 6, completedConversations: 5 });
  const byName = Object.fromEntries(body.goals.map((g: { name: string }) => [g.name, g]));
  for (const [name, expected] of [['Lead captured', EXPECTED.lead], ['Question answered', EXPECTED.answered], ['Escalation avoided', EXPECTED.avoided], ['Demo booked', EXPECTED.demo]] as const) {
    const { recent, ...figures } = expected;
    const { id: _id, name: _name, avatarId: _avatar, recentCompletions, ...rest } = byName[name];
    expectClose(rest, figures);
    expect(recentCompletions.map((r: { id: string }) => r.id), name).toEqual(recent);
  }
  expect(byName['Demo booked'].avatarId).toBe('sales-bot');
  const filtered = await json(await all(apiGet(`/v1/analytics/goals?${RANGE_QUERY}&avatarId=support-bot&limit=1`, key), noParams));
  expect(filtered.goals[0]).toMatchObject({ completions: 2, conversations: 4, recentCompletions: [{ id: 'a5' }] });
});

test('GET /v1/analytics/goals/{id} answers one goal; 404 for an unknown or another workspace’s goal', async () => {
  const body = await json(await one(apiGet(`/v1/analytics/goals/${data.lead.id}?${RANGE_QUERY}`, key), routeParams({ id: data.lead.id })));
  expect(body).toMatchObject({ id: data.lead.id, name: 'Lead captured', completions: 3, conversations: 6, completionRate: 0.5, groupBy: 'day', period: PERIOD });
  const other = await createTestWorkspace();
  const otherKey = await createTestApiKey(other.id, ['read']);
  const foreign = await one(apiGet(`/v1/analytics/goals/${data.lead.id}?${RANGE_QUERY}`, otherKey), routeParams({ id: data.lead.id }));
  expect((await json(foreign, 404)).error.code).toBe('not_found');
  await json(await one(apiGet('/v1/analytics/goals/goal_nope', key), routeParams({ id: 'goal_nope' })), 404);
  expect((await json(await all(apiGet('/v1/analytics/goals?period=7d', otherKey), noParams))).goals).toEqual([]);
});

test('range parameters are checked like every analytics endpoint; scopes and keys', async () => {
  for (const [query, path] of [
    ['period=7x', 'period'],
    ['period=7d&start=2024-11-01&end=2024-11-02', 'period'],
    ['start=2024-11-01', 'end'],
    ['start=2024-11-05&end=2024-11-01', 'end'],
    ['start=2024-02-30&end=2024-03-01', 'start'],
    ['groupBy=year', 'groupBy'],
    ['limit=0', 'limit'],
    ['start=2020-01-01&end=2024-01-01&groupBy=hour', 'end'],
    ['start=2024-01-01&end=2024-06-01&groupBy=hour', 'groupBy'],
  ]) {
    const body = await json(await all(apiGet(`/v1/analytics/goals?${query}`, key), noParams), 422);
    expect(body.error.details.map((d: { path: string }) => d.path), query).toContain(path);
  }
  const ingest = await createTestApiKey(data.workspaceId, ['ingest']);
  await json(await all(apiGet('/v1/analytics/goals', ingest), noParams), 403);
  await json(await one(apiGet(`/v1/analytics/goals/${data.lead.id}`, ingest), routeParams({ id: data.lead.id })), 403);
  await json(await all(apiGet('/v1/analytics/goals', null), noParams), 401);
  const admin = await createTestApiKey(data.workspaceId, ['admin']);
  expect((await json(await all(apiGet('/v1/analytics/goals?period=30d', admin), noParams))).goals).toHaveLength(4);
});
