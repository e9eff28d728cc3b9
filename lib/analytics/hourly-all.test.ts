import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { seedConversation } from '@/lib/transcripts/test-data';
import { expectAnalyticsRollupsConsistent } from '@/test/analytics-rollup-invariants';
import { createTestWorkspace } from '@/test/factories';
import { getBreakdown } from './breakdowns';
import { resolveFilter } from './filter';
import { planRange } from './plan';
import { getSentiment } from './sentiment';

afterAll(closeDb);

/**
 * The edge hours of a range read all avatars together from rollup_dimensions_all and rollup_sources_all;
 * per avatar, from the per-avatar hourly rows. Both must count what the conversations hold. New York,
 * conversations every 3 hours over 2024-03-01 … 2024-03-05 for three avatars, two sources and languages.
 */
let ws: string;
const NOW = new Date('2024-03-04T15:40:00Z');

beforeAll(async () => {
  ws = (await createTestWorkspace()).id;
  await sql`UPDATE workspaces SET timezone = 'America/New_York' WHERE id = ${ws}::uuid`;
  for (let i = 0; i < 36; i++) {
    const startedAt = new Date(Date.parse('2024-03-01T01:10:00Z') + i * 3 * 3_600_000).toISOString();
    await seedConversation(ws, {
      id: `h${i}`, avatarId: `avt_${i % 3}`, startedAt, source: ['web', 'sms'][i % 2], language: ['en', 'de', 'fr'][i % 3 === 1 ? 1 : i % 5 === 0 ? 2 : 0],
      messages: [['user', i % 4 ? 'great, thanks' : 'this is awful', 1]], endAfter: 30, feedback: i % 6 === 0 ? 'neutral' : undefined,
    });
  }
});

async function rawCounts(column: 'source' | 'language', period: string, avatarId: string | null) {
  const { range } = await resolveFilter(ws, { period, avatarId }, NOW);
  const plan = planRange(range);
  const rows = await sql<{ value: string; n: number }[]>`
    SELECT ${sql(column)} AS value, count(*)::int AS n FROM conversations
    WHERE workspace_id = ${ws} AND started_at >= ${plan.hourStart} AND started_at < ${plan.hourEnd}
      ${avatarId ? sql`AND avatar_id = ${avatarId}` : sql``}
    GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [r.value, r.n]));
}

test('the all-avatars hourly tables follow the per-avatar rows', async () => {
  await expectAnalyticsRollupsConsistent(ws);
});

test('breakdowns and sentiment by source over ranges with edge hours count the conversations', async () => {
  for (const period of ['24h', '72h']) {
    for (const avatarId of [null, 'avt_1']) {
      const filter = await resolveFilter(ws, { period, avatarId }, NOW);
      expect(planRange(filter.range).hourSpans.length, period).toBeGreaterThan(0);
      for (const dimension of ['source', 'language'] as const) {
        const breakdown = await getBreakdown(ws, filter, dimension);
        const got = Object.fromEntries(breakdown.data.filter((d) => d.conversations > 0).map((d) => [d.value, d.conversations]));
        expect(got, `${period} ${avatarId} ${dimension}`).toEqual(await rawCounts(dimension, period, avatarId));
      }
      const { bySource } = await getSentiment(ws, filter);
      const got = Object.fromEntries(bySource.map((s) => [s.source, s.positive + s.neutral + s.negative]));
      expect(got, `${period} ${avatarId} sentiment`).toEqual(await rawCounts('source', period, avatarId));
    }
  }
});
