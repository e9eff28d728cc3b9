import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { createAnalyticsWorkspace, NOW, TIMEZONE } from '@/test/analytics-dataset';
import { BREAKDOWNS_7D, DAYS_7D, OVERVIEW_7D, OVERVIEW_PREVIOUS_7D, PEAK_CELLS_7D, TOOLS_7D } from '@/test/analytics-expected';
import { expectClose } from '@/test/expect-close';
import { benchOverviewData } from './page-data';
import { resolveRange } from './range';

afterAll(closeDb);

test('the Overview page data in one call', async () => {
  const ws = await createAnalyticsWorkspace();
  const data = await benchOverviewData(ws.id, { range: resolveRange({ period: '7d' }, TIMEZONE, NOW) });
  expectClose(data.overview.current, OVERVIEW_7D);
  expectClose(data.overview.previous, OVERVIEW_PREVIOUS_7D);
  expectClose(data.timeSeries, { groupBy: 'day', timezone: TIMEZONE, data: DAYS_7D });
  expect(data.peakHours.data.filter((c) => c.messages > 0)).toHaveLength(Object.keys(PEAK_CELLS_7D).length);
  for (const [dimension, rows] of Object.entries(BREAKDOWNS_7D)) expectClose(data.breakdowns[dimension as keyof typeof BREAKDOWNS_7D].data, rows);
  expectClose(data.tools.data, TOOLS_7D);
});
