import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { ingestBatch } from '@/lib/ingest/batch';
import { eraseConversation } from '@/lib/transcripts/erase';
import { seedConversation } from '@/lib/transcripts/test-data';
import { expectAnalyticsRollupsConsistent } from '@/test/analytics-rollup-invariants';
import { createTestWorkspace } from '@/test/factories';
import { bucketKeyOfDay } from './buckets';
import { getEscalations } from './escalations';
import { resolveFilter } from './filter';
import { planRange } from './plan';
import { localDate } from './timezone';
import type { AnalyticsFilter, Granularity } from './types';

afterAll(closeDb);

/**
 * The escalation rollups against the conversations they count (the row-by-row read they replace), after
 * ingest changed reasons later: an end call's escalation then a tool (reason: the tool), a second tool timed
 * before the first (reason: the earlier), a tool timed before the conversation started, an erasure and a
 * timezone change. Berlin, conversations over 2024-06-08 … 2024-06-12 at scattered hours, three avatars.
 */
let ws: string;
const NOW = new Date('2024-06-20T12:00:00Z');
const TOOLS = ['fallback_to_human', 'open_ticket', 'Contact_Human'];

const action = (conversationId: string, name: string, startedAt: string) => ({ id: `${conversationId}-${name}-${startedAt}`, type: 'action', body: { conversationId, name, startedAt } });

beforeAll(async () => {
  ws = (await createTestWorkspace()).id;
  await sql`UPDATE workspaces SET timezone = 'Europe/Berlin' WHERE id = ${ws}::uuid`;
  for (let i = 0; i < 24; i++) {
    const startedAt = new Date(Date.parse('2024-06-08T00:20:00Z') + i * 5 * 3_600_000).toISOString();
    await seedConversation(ws, {
      id: `c${i}`, avatarId: `avt_${i % 3}`, startedAt,
      messages: [['user', `help with order ${i}`, 1], ['assistant', 'one moment', 2], ['user', i % 2 ? 'a person please' : 'refund', 5]],
      tools: i % 4 === 0 ? [] : [{ name: TOOLS[i % 3], at: 10 + i }],
      endAfter: 60, escalated: i % 5 === 0,
    });
  }
  const later = [
    action('c0', 'open_ticket', '2024-06-08T00:25:00Z'), // end call first, then a tool: reason open_ticket
    action('c1', 'Contact_Human', '2024-06-08T05:20:02Z'), // earlier than its fallback_to_human: reason Contact_Human
    action('c4', 'fallback_to_human', '2024-06-08T18:00:00Z'), // before it started: escalated before started
    action('c5', 'ticket', '2024-06-08T20:00:00Z'), // the same, and before 2024-06-09 (Berlin), the day it started
  ];
  const { results } = await ingestBatch(ws, { batch: later });
  expect(results.every((r) => r.status < 400)).toBe(true);
  expect(await eraseConversation(ws, 'c3', {})).toBe(true);
});

type Counted = { reason: string; avatar_id: string; started_at: Date };

/** The escalated conversations of the range with their reason (DESIGN §3), read row by row. */
async function counted(filter: AnalyticsFilter): Promise<Counted[]> {
  const plan = planRange(filter.range);
  return sql<Counted[]>`
    SELECT coalesce((
      SELECT a.name FROM actions a WHERE a.workspace_id = c.workspace_id AND a.conversation_id = c.id AND a.is_escalation
      ORDER BY a.started_at, a.id LIMIT 1
    ), 'end_call') AS reason, c.avatar_id, c.started_at FROM conversations c
    WHERE c.workspace_id = ${ws} AND c.escalated AND c.started_at >= ${plan.hourStart} AND c.started_at < ${plan.hourEnd}
      ${filter.avatarId ? sql`AND c.avatar_id = ${filter.avatarId}` : sql``}`;
}

function tally<T>(rows: T[], key: (row: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) out[key(row)] = (out[key(row)] ?? 0) + 1;
  return out;
}

async function expectCountsAsRowByRow(range: { start: string; end: string } | { period: string }, groupBy: Granularity, avatarId: string | null, now = NOW) {
  const filter = await resolveFilter(ws, { ...range, avatarId }, now);
  const [result, rows] = await Promise.all([getEscalations(ws, filter, { groupBy }), counted(filter)]);
  const label = `${JSON.stringify(range)} ${groupBy} ${avatarId}`;
  expect(result.total, label).toBe(rows.length);
  if (!avatarId) expect(rows.length, label).toBeGreaterThan(0);
  expect(Object.fromEntries(result.byReason.map((r) => [r.reason, r.conversations])), label).toEqual(tally(rows, (r) => r.reason));
  expect(Object.fromEntries(result.byAvatar.map((a) => [a.id, a.conversations])), label).toEqual(tally(rows, (r) => r.avatar_id));
  const tz = filter.range.timezone;
  const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);
  const perBucket = tally(rows, (r) => (groupBy === 'hour' ? hourOf(r.started_at).toISOString() : bucketKeyOfDay(localDate(hourOf(r.started_at), tz), groupBy)));
  const nonZero = result.series.filter((b) => b.escalations > 0);
  expect(nonZero.reduce((s, b) => s + b.escalations, 0), label).toBe(rows.length);
  expect(Object.values(perBucket).sort(), label).toEqual(nonZero.map((b) => b.escalations).sort());
}

describe('escalation rollups', () => {
  test('equal what analytics_rebuild computes from the conversations', async () => {
    await expectAnalyticsRollupsConsistent(ws);
    const reasons = await sql<{ conversation_id: string; reason: string }[]>`
      SELECT conversation_id, reason FROM escalation_reasons WHERE workspace_id = ${ws} AND conversation_id IN ('c0', 'c1', 'c4', 'c5') ORDER BY 1`;
    expect(reasons.map((r) => r.reason)).toEqual(['open_ticket', 'Contact_Human', 'fallback_to_human', 'ticket']);
  });

  test('count as the conversations do, over whole days, edge hours and hours, per avatar and for all', async () => {
    // Whole days; 72 and 24 hours ending mid-afternoon (edge hours on both sides).
    const ranges = [
      [{ start: '2024-06-08', end: '2024-06-12' }, NOW],
      [{ period: '72h' }, new Date('2024-06-11T13:30:00Z')],
      [{ period: '24h' }, new Date('2024-06-09T16:10:00Z')],
    ] as const;
    for (const [range, now] of ranges) {
      for (const avatarId of [null, 'avt_0', 'avt_1']) {
        for (const groupBy of ['hour', 'day', 'week'] as const) await expectCountsAsRowByRow(range, groupBy, avatarId, now);
      }
    }
  });

  test('the latest escalations, newest first, include one escalated before the range', async () => {
    const filter = await resolveFilter(ws, { start: '2024-06-09', end: '2024-06-12', avatarId: null }, NOW);
    const plan = planRange(filter.range);
    const expected = await sql<{ id: string }[]>`
      SELECT c.id FROM conversations c
      WHERE c.workspace_id = ${ws} AND c.escalated AND c.started_at >= ${plan.hourStart} AND c.started_at < ${plan.hourEnd}
      ORDER BY coalesce(c.escalated_at, c.started_at) DESC, c.id`;
    const all = await getEscalations(ws, filter, { limit: 100 });
    expect(all.lastMessages.map((m) => m.conversationId)).toEqual(expected.map((r) => r.id));
    expect(all.lastMessages.map((m) => m.conversationId)).toContain('c5');
    const few = await getEscalations(ws, filter, { limit: 3 });
    expect(few.lastMessages.map((m) => m.conversationId)).toEqual(expected.slice(0, 3).map((r) => r.id));
  });

  test('a timezone change rebuilds them', async () => {
    await sql`UPDATE workspaces SET timezone = 'Asia/Kolkata' WHERE id = ${ws}::uuid`;
    await expectAnalyticsRollupsConsistent(ws);
    await expectCountsAsRowByRow({ start: '2024-06-08', end: '2024-06-12' }, 'day', null);
  });
});
