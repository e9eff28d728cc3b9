import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { BAD, createAnalyticsWorkspace, createOtherWorkspace, GOOD, NOW, TIMEZONE } from '@/test/analytics-dataset';
import { SENTIMENT_7D } from '@/test/analytics-expected';
import { expectClose } from '@/test/expect-close';
import { resolveRange } from './range';
import { getSentiment } from './sentiment';

afterAll(closeDb);

const filter = (params: { period?: string; start?: string; end?: string }, avatarId?: string) => ({
  range: resolveRange(params, TIMEZONE, NOW),
  avatarId,
});

test('sentiment of conversations started in the range: totals, daily series, by avatar, by source, most negative', async () => {
  const ws = await createAnalyticsWorkspace();
  await createOtherWorkspace();
  expectClose(await getSentiment(ws.id, filter({ period: '7d' })), SENTIMENT_7D);
});

test('most negative conversations come in score order, limited, within the range', async () => {
  const ws = await createAnalyticsWorkspace();
  const previous = await getSentiment(ws.id, filter({ start: '2024-10-23', end: '2024-10-29' }), { limit: 1 });
  expect(previous.mostNegative).toEqual([]);
  const one = await getSentiment(ws.id, filter({ period: '7d' }, 'avt_support'), { limit: 1, groupBy: 'week' });
  expect(one.mostNegative.map((n) => n.id)).toEqual(['c2']);
  expect(one.series.map((s) => [s.date, s.positive, s.negative])).toEqual([
    ['2024-10-28T00:00:00-04:00', 1, 1],
    ['2024-11-04T00:00:00-05:00', 0, 0],
  ]);
  expect(one.meanScore).toBeCloseTo((GOOD / 2 + BAD) / 2, 9);
});
