import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { createAnalyticsWorkspace, createOtherWorkspace, NOW, TIMEZONE } from '@/test/analytics-dataset';
import { BREAKDOWNS_7D, TOOLS_7D } from '@/test/analytics-expected';
import { expectClose } from '@/test/expect-close';
import { BREAKDOWN_DIMENSIONS, getBreakdown, getToolUsage } from './breakdowns';
import { resolveRange } from './range';

afterAll(closeDb);

const filter = (params: { period?: string; start?: string; end?: string }, avatarId?: string) => ({
  range: resolveRange(params, TIMEZONE, NOW),
  avatarId,
});

test('conversations by device, source, language, country and avatar, with unknown values', async () => {
  const ws = await createAnalyticsWorkspace();
  await createOtherWorkspace();
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    expectClose(await getBreakdown(ws.id, filter({ period: '7d' }), dimension), { dimension, data: BREAKDOWNS_7D[dimension] });
  }
});

test('breakdowns of one avatar over an hour period', async () => {
  const ws = await createAnalyticsWorkspace();
  // [Sun 16:00Z, Tue 16:00Z) for avt_sales: c3 (tablet), c5 (no device), c8 (mobile), c4 (desktop).
  const device = await getBreakdown(ws.id, filter({ period: '48h' }, 'avt_sales'), 'device');
  expect(device.data.map((d) => [d.value, d.conversations, d.share])).toEqual([
    ['desktop', 1, 0.25],
    ['mobile', 1, 0.25],
    ['tablet', 1, 0.25],
    ['unknown', 1, 0.25],
  ]);
  expect((await getBreakdown(ws.id, filter({ period: '7d' }, 'nobody'), 'country')).data).toEqual([]);
});

test('tool usage: calls, mean duration of the calls that reported one, escalations', async () => {
  const ws = await createAnalyticsWorkspace();
  await createOtherWorkspace();
  expectClose(await getToolUsage(ws.id, filter({ period: '7d' })), { data: TOOLS_7D });
  expectClose(await getToolUsage(ws.id, filter({ period: '7d' }, 'avt_sales')), { data: [{ name: 'search_kb', calls: 1, avgDurationMs: 500, escalations: 0 }] });
  expectClose(await getToolUsage(ws.id, filter({ start: '2024-10-01', end: '2024-10-29' })), { data: [] });
});
