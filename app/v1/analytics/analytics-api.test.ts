import { afterAll, afterEach, beforeEach, expect, test, vi } from 'vitest';
import { closeDb } from '@/db';
import { createAnalyticsWorkspace, createOtherWorkspace, NOW } from '@/test/analytics-dataset';
import {
  BREAKDOWNS_7D,
  DAYS_7D,
  hoursOfNov3,
  OVERVIEW_7D,
  PEAK_CELLS_7D,
  SENTIMENT_7D,
  SUPPORT_7D,
  TOOLS_7D,
} from '@/test/analytics-expected';
import { noParams, routeParams } from '@/test/api-request';
import { apiGet } from '@/test/api-get';
import { expectClose } from '@/test/expect-close';
import { createTestApiKey } from '@/test/factories';
import { GET as avatarAnalytics } from '../avatars/[avatarId]/analytics/route';
import { GET as breakdownByPath } from './breakdowns/[dimension]/route';
import { GET as breakdowns } from './breakdowns/route';
import { GET as conversations } from './conversations/route';
import { GET as overview } from './overview/route';
import { GET as peakHours } from './peak-hours/route';
import { GET as sentiment } from './sentiment/route';
import { GET as tools } from './tools/route';

// Only Date is faked: `period` is resolved against the dataset's NOW, timers keep running.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());
afterAll(closeDb);

const PERIOD_7D = { start: '2024-10-30T04:00:00.000Z', end: '2024-11-06T05:00:00.000Z', timezone: 'America/New_York' };

async function readKey() {
  const ws = await createAnalyticsWorkspace();
  await createOtherWorkspace();
  return createTestApiKey(ws.id, ['read']);
}

async function json(response: Response, status = 200) {
  expect(response.status).toBe(status);
  return response.json();
}

test('GET /v1/analytics/overview answers the seed example fields and every other metric', async () => {
  const key = await readKey();
  expectClose(await json(await overview(apiGet('/v1/analytics/overview?period=7d', key), noParams)), { ...OVERVIEW_7D, period: PERIOD_7D });
  const same = await json(await overview(apiGet('/v1/analytics/overview?start=2024-10-30&end=2024-11-05', key), noParams));
  expectClose(same, { ...OVERVIEW_7D, period: PERIOD_7D });
  const filtered = await json(await overview(apiGet('/v1/analytics/overview?period=7d&avatarId=avt_support', key), noParams));
  expectClose(filtered, { ...SUPPORT_7D, period: PERIOD_7D });
});

test('GET /v1/avatars/{avatarId}/analytics answers the overview of that avatar', async () => {
  const key = await readKey();
  const body = await json(await avatarAnalytics(apiGet('/v1/avatars/avt_support/analytics?period=7d', key), routeParams({ avatarId: 'avt_support' })));
  expectClose(body, { ...SUPPORT_7D, avatar: { id: 'avt_support', name: 'Support Bot' }, period: PERIOD_7D });
});

test('GET /v1/analytics/conversations answers every bucket, zero-filled', async () => {
  const key = await readKey();
  const days = await json(await conversations(apiGet('/v1/analytics/conversations?groupBy=day&period=7d', key), noParams));
  expectClose(days, { groupBy: 'day', timezone: 'America/New_York', data: DAYS_7D, period: PERIOD_7D });
  const hours = await json(await conversations(apiGet('/v1/analytics/conversations?groupBy=hour&start=2024-11-03&end=2024-11-03', key), noParams));
  expectClose(hours.data, hoursOfNov3());
  const byDefault = await json(await conversations(apiGet('/v1/analytics/conversations?period=7d', key), noParams));
  expect(byDefault.groupBy).toBe('day');
});

test('GET /v1/analytics/peak-hours, /tools and /breakdowns', async () => {
  const key = await readKey();
  const peak = await json(await peakHours(apiGet('/v1/analytics/peak-hours?period=7d', key), noParams));
  expect(peak.data).toHaveLength(168);
  expect(Object.fromEntries(peak.data.filter((c: { messages: number }) => c.messages > 0).map((c: { weekday: number; hour: number; messages: number }) => [`${c.weekday}|${c.hour}`, c.messages]))).toEqual(PEAK_CELLS_7D);
  expectClose(await json(await tools(apiGet('/v1/analytics/tools?period=7d', key), noParams)), { data: TOOLS_7D, period: PERIOD_7D });
  for (const [dimension, data] of Object.entries(BREAKDOWNS_7D)) {
    const byQuery = await json(await breakdowns(apiGet(`/v1/analytics/breakdowns?dimension=${dimension}&period=7d`, key), noParams));
    expectClose(byQuery, { dimension, data, period: PERIOD_7D });
    const byPath = await json(await breakdownByPath(apiGet(`/v1/analytics/breakdowns/${dimension}?period=7d`, key), routeParams({ dimension })));
    expectClose(byPath, byQuery);
  }
});

test('GET /v1/analytics/sentiment', async () => {
  const key = await readKey();
  expectClose(await json(await sentiment(apiGet('/v1/analytics/sentiment?period=7d', key), noParams)), { ...SENTIMENT_7D, period: PERIOD_7D });
  const limited = await json(await sentiment(apiGet('/v1/analytics/sentiment?period=7d&limit=1&groupBy=month', key), noParams));
  expect([limited.mostNegative.length, limited.series.length, limited.groupBy]).toEqual([1, 2, 'month']);
});
