import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { createAnalyticsWorkspace, ingestItems, NOW } from '@/test/analytics-dataset';
import { expectAnalyticsRollupsConsistent } from '@/test/analytics-rollup-invariants';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { createTestWorkspace } from '@/test/factories';
import { getOverview } from './overview';
import { resolveRange } from './range';
import { getTimeSeries } from './time-series';

afterAll(closeDb);

/** Batches of conversations for a few shared customers on scattered days, some with late messages. */
function scatteredBatch(seed: number) {
  const items: { id: string; type: string; timestamp?: string; body: Record<string, unknown> }[] = [];
  for (let i = 0; i < 12; i++) {
    const n = seed * 100 + i;
    const id = `s${n}`;
    const day = 1 + ((n * 7) % 20);
    const at = `2024-10-${String(day).padStart(2, '0')}T${String((n * 5) % 24).padStart(2, '0')}:15:00Z`;
    const body = { id, avatarId: `avt_${n % 3}`, customerId: `u${n % 5}`, source: ['web', 'sms', null][n % 3] };
    items.push({ id: `${id}-c`, type: 'conversation', timestamp: at, body });
    items.push({ id: `${id}-m`, type: 'message', body: { conversationId: id, role: 'user', content: n % 2 ? 'good' : 'bad', createdAt: at } });
    if (n % 4 === 0) {
      // A late message two days earlier moves the conversation's start (and its customer-day).
      const late = new Date(Date.parse(at) - 2 * 86_400_000).toISOString();
      items.push({ id: `${id}-late`, type: 'message', body: { conversationId: id, role: 'user', content: 'hello', createdAt: late } });
    }
  }
  return items;
}

test('concurrent batches over the same customers keep the trigger-kept rollups exact', async () => {
  const ws = await createTestWorkspace();
  await sql`UPDATE workspaces SET timezone = 'America/New_York' WHERE id = ${ws.id}`;
  await Promise.all(Array.from({ length: 8 }, (_, seed) => ingestItems(ws.id, scatteredBatch(seed))));
  await expectRollupsConsistent(ws.id);
  await expectAnalyticsRollupsConsistent(ws.id);
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(DISTINCT customer_id)::int AS n FROM conversations WHERE workspace_id = ${ws.id}`;
  const range = resolveRange({ start: '2024-09-01', end: '2024-10-31' }, 'America/New_York', NOW);
  expect((await getOverview(ws.id, { range })).uniqueUsers).toBe(n);
  expect(await sql`SELECT 1 FROM analytics_pending WHERE workspace_id = ${ws.id}`).toHaveLength(0);
});

test('changing the workspace timezone rebuilds the local-day rollups', async () => {
  const ws = await createAnalyticsWorkspace();
  await sql`UPDATE workspaces SET timezone = 'Asia/Kolkata' WHERE id = ${ws.id}`;
  await expectAnalyticsRollupsConsistent(ws.id);
  // c1 started Nov 2 03:30Z = 09:00 IST, c2 Nov 3 05:30Z = 11:00 IST: each on its own day now.
  const range = resolveRange({ start: '2024-11-01', end: '2024-11-03' }, 'Asia/Kolkata', NOW);
  const series = await getTimeSeries(ws.id, { range }, 'day');
  expect(series.data.map((b) => [b.date, b.conversations, b.messages])).toEqual([
    ['2024-11-01T00:00:00+05:30', 0, 0],
    ['2024-11-02T00:00:00+05:30', 1, 4],
    ['2024-11-03T00:00:00+05:30', 1, 4],
  ]);
  expect((await getOverview(ws.id, { range })).uniqueUsers).toBe(1);
});

test('deleting conversations takes them out of the sources and customer rollups', async () => {
  const ws = await createAnalyticsWorkspace();
  await sql`DELETE FROM conversations WHERE workspace_id = ${ws.id} AND id IN ('c2', 'c8')`;
  await expectAnalyticsRollupsConsistent(ws.id);
  const [sources] = await sql<{ n: number }[]>`
    SELECT coalesce(sum(conversations), 0)::int AS n FROM rollup_sources_daily WHERE workspace_id = ${ws.id} AND avatar_id = '' AND source IN ('whatsapp', 'web')`;
  expect(sources.n).toBe(4); // web: c1, c4, c6, c7 (c8 gone); whatsapp: c2 gone
});
