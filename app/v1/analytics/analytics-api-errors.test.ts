import { afterAll, afterEach, beforeEach, expect, test, vi } from 'vitest';
import { closeDb } from '@/db';
import { createAnalyticsWorkspace, createOtherWorkspace, NOW } from '@/test/analytics-dataset';
import { noParams, routeParams } from '@/test/api-request';
import { apiGet } from '@/test/api-get';
import { createTestApiKey } from '@/test/factories';
import { GET as avatarAnalytics } from '../avatars/[avatarId]/analytics/route';
import { GET as breakdownByPath } from './breakdowns/[dimension]/route';
import { GET as breakdowns } from './breakdowns/route';
import { GET as conversations } from './conversations/route';
import { GET as overview } from './overview/route';
import { GET as peakHours } from './peak-hours/route';
import { GET as sentiment } from './sentiment/route';
import { GET as tools } from './tools/route';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());
afterAll(closeDb);

const ROUTES = [
  ['/v1/analytics/overview', overview],
  ['/v1/analytics/conversations', conversations],
  ['/v1/analytics/peak-hours', peakHours],
  ['/v1/analytics/breakdowns?dimension=device&x=1', breakdowns],
  ['/v1/analytics/tools', tools],
  ['/v1/analytics/sentiment', sentiment],
] as const;

const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

async function errorOf(response: Response) {
  const body = await response.json();
  return { status: response.status, code: body.error.code, paths: body.error.details?.map((d: { path: string }) => d.path) };
}

test('401 without a key or with an unknown one, 403 without the read scope', async () => {
  const ws = await createAnalyticsWorkspace();
  const ingestOnly = await createTestApiKey(ws.id, ['ingest']);
  for (const [path, handler] of ROUTES) {
    expect((await errorOf(await handler(apiGet(path, null), noParams))).status, path).toBe(401);
    expect((await errorOf(await handler(apiGet(path, 'cfk_nope'), noParams))).status, path).toBe(401);
    expect(await errorOf(await handler(apiGet(path, ingestOnly), noParams)), path).toMatchObject({ status: 403, code: 'forbidden' });
  }
  const admin = await createTestApiKey(ws.id, ['admin']);
  expect((await overview(apiGet('/v1/analytics/overview', admin), noParams)).status).toBe(200);
});

test('422 naming the parameter for invalid ranges and options', async () => {
  const ws = await createAnalyticsWorkspace();
  const key = await createTestApiKey(ws.id, ['read']);
  const cases: [string, string][] = [
    ['period=30x', 'period'],
    ['period=0d', 'period'],
    ['period=1000d', 'period'],
    ['start=2024-11-05&end=2024-11-01', 'end'],
    ['start=2024-13-01&end=2024-12-01', 'start'],
    ['start=2024-11-01', 'end'],
    ['period=7d&start=2024-11-01&end=2024-11-02', 'period'],
  ];
  for (const [path, handler] of ROUTES) {
    for (const [query, param] of cases) {
      expect(await errorOf(await handler(apiGet(withQuery(path, query), key), noParams)), `${path} ${query}`).toEqual({ status: 422, code: 'validation_error', paths: [param] });
    }
  }
  const invalid = async (response: Response) => (await errorOf(response)).paths;
  expect(await invalid(await conversations(apiGet('/v1/analytics/conversations?groupBy=year', key), noParams))).toEqual(['groupBy']);
  expect(await invalid(await conversations(apiGet('/v1/analytics/conversations?groupBy=hour&period=365d', key), noParams))).toEqual(['groupBy']);
  expect(await invalid(await breakdowns(apiGet('/v1/analytics/breakdowns', key), noParams))).toEqual(['dimension']);
  expect(await invalid(await breakdownByPath(apiGet('/v1/analytics/breakdowns/planet', key), routeParams({ dimension: 'planet' })))).toEqual(['dimension']);
  expect(await invalid(await sentiment(apiGet('/v1/analytics/sentiment?limit=0', key), noParams))).toEqual(['limit']);
  expect(await invalid(await sentiment(apiGet('/v1/analytics/sentiment?limit=ten', key), noParams))).toEqual(['limit']);
});

test('404 for an unknown avatar and for another workspace\'s avatar', async () => {
  const ws = await createAnalyticsWorkspace();
  const other = await createTestApiKey((await createOtherWorkspace()).id, ['read']);
  const key = await createTestApiKey(ws.id, ['read']);
  const missing = await avatarAnalytics(apiGet('/v1/avatars/avt_nobody/analytics', key), routeParams({ avatarId: 'avt_nobody' }));
  expect(await errorOf(missing)).toMatchObject({ status: 404, code: 'not_found' });
  const foreign = await avatarAnalytics(apiGet('/v1/avatars/avt_sales/analytics', other), routeParams({ avatarId: 'avt_sales' }));
  expect(await errorOf(foreign)).toMatchObject({ status: 404, code: 'not_found' });
});

test('a key reads only its own workspace', async () => {
  await createAnalyticsWorkspace();
  const other = await createTestApiKey((await createOtherWorkspace()).id, ['read']);
  const body = await (await overview(apiGet('/v1/analytics/overview?period=7d', other), noParams)).json();
  expect(body).toMatchObject({ conversations: 1, messages: 2, tokenUsage: 2000, uniqueUsers: 1, topAvatars: [{ id: 'avt_support', conversations: 1 }] });
  const toolList = await (await tools(apiGet('/v1/analytics/tools?period=7d', other), noParams)).json();
  expect(toolList.data).toEqual([{ name: 'other_tool', calls: 1, avgDurationMs: 50, escalations: 0 }]);
  const filtered = await (await overview(apiGet('/v1/analytics/overview?period=7d&avatarId=avt_sales', other), noParams)).json();
  expect(filtered).toMatchObject({ conversations: 0, messages: 0, topAvatars: [] });
});
