import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { createAnalyticsWorkspace, createOtherWorkspace, NOW, TIMEZONE } from '@/test/analytics-dataset';
import { DAYS_7D, hoursOfNov3, MONTHS_7D, PEAK_CELLS_7D, WEEKS_7D } from '@/test/analytics-expected';
import { expectClose } from '@/test/expect-close';
import { resolveRange } from './range';
import { getPeakHours, getTimeSeries } from './time-series';

afterAll(closeDb);

const filter = (params: { period?: string; start?: string; end?: string }, avatarId?: string) => ({
  range: resolveRange(params, TIMEZONE, NOW),
  avatarId,
});

test('daily buckets of the last 7 days: every local day present, zero-filled, across midnight and DST', async () => {
  const ws = await createAnalyticsWorkspace();
  await createOtherWorkspace();
  expectClose(await getTimeSeries(ws.id, filter({ period: '7d' }), 'day'), { groupBy: 'day', timezone: TIMEZONE, data: DAYS_7D });
});

test('weekly buckets start on Monday and monthly ones on the 1st, at local midnight', async () => {
  const ws = await createAnalyticsWorkspace();
  expectClose((await getTimeSeries(ws.id, filter({ period: '7d' }), 'week')).data, WEEKS_7D);
  expectClose((await getTimeSeries(ws.id, filter({ period: '7d' }), 'month')).data, MONTHS_7D);
});

test('hourly buckets of the day the clocks went back: 25 local hours, 01:00 twice', async () => {
  const ws = await createAnalyticsWorkspace();
  const series = await getTimeSeries(ws.id, filter({ start: '2024-11-03', end: '2024-11-03' }), 'hour');
  expect(series.data).toHaveLength(25);
  expectClose(series.data, hoursOfNov3());
});

test('hourly buckets of the day the clocks went forward: 23 local hours, no 02:00', async () => {
  const ws = await createAnalyticsWorkspace();
  const series = await getTimeSeries(ws.id, filter({ start: '2024-03-10', end: '2024-03-10' }), 'hour');
  expect(series.data.map((b) => b.date.slice(11))).toEqual([
    '00:00:00-05:00',
    '01:00:00-05:00',
    ...Array.from({ length: 21 }, (_, i) => `${String(i + 3).padStart(2, '0')}:00:00-04:00`),
  ]);
  expect(series.data.every((b) => b.conversations === 0 && b.avgDuration === null)).toBe(true);
});

test('an hour period of a day-grouped series splits its edge days exactly', async () => {
  const ws = await createAnalyticsWorkspace();
  // [Sun Nov 3 16:00Z, Tue Nov 5 16:00Z): Sunday 11:00 EST on (nothing), all of Monday, Tuesday to 11:00.
  const series = await getTimeSeries(ws.id, filter({ period: '48h' }), 'day');
  expectClose(series.data, [{ ...DAYS_7D[4], conversations: 0, uniqueInteractions: 0, messages: 0, userMessages: 0, assistantMessages: 0, tokenUsage: 0, avgResponseTime: null, avgDuration: null }, DAYS_7D[5], DAYS_7D[6]]);
});

test('one avatar only', async () => {
  const ws = await createAnalyticsWorkspace();
  const series = await getTimeSeries(ws.id, filter({ period: '7d' }, 'avt_sales'), 'week');
  expectClose(series.data, [{ ...WEEKS_7D[0], conversations: 0, uniqueInteractions: 0, messages: 0, userMessages: 0, assistantMessages: 0, tokenUsage: 0, avgResponseTime: null, avgDuration: null }, WEEKS_7D[1]]);
});

test('peak hours: messages by local weekday and hour, all 168 cells', async () => {
  const ws = await createAnalyticsWorkspace();
  await createOtherWorkspace();
  const peak = await getPeakHours(ws.id, filter({ period: '7d' }));
  expect(peak.timezone).toBe(TIMEZONE);
  expect(peak.data).toHaveLength(168);
  const expected = Array.from({ length: 168 }, (_, i) => ({ weekday: Math.floor(i / 24), hour: i % 24, messages: PEAK_CELLS_7D[`${Math.floor(i / 24)}|${i % 24}`] ?? 0 }));
  expect(peak.data).toEqual(expected);
});
