/**
 * Each alert metric equals DESIGN §3's definition over the window, on a hand-made dataset whose answers are
 * worked out by hand below; and the back-test equals the checker run hour by hour (`evaluate-alerts --at`).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { ingestBatch } from '@/lib/ingest/batch';
import { createFunnel } from '@/lib/funnels/service';
import { createGoal } from '@/lib/goals/service';
import { createTestWorkspace } from '@/test/factories';
import { runAlertChecks, targetOf } from './check';
import { readMetric } from './metrics';
import { previewAlert } from './preview';
import type { AlertMetric, AlertWindow } from './schemas';
import { createAlertRule, listAlertEvents } from './service';

afterAll(closeDb);

const HOUR = 3_600_000;
/** Two days before the last whole hour: every timestamp of the dataset is in the past. */
const B = Math.floor(Date.now() / HOUR) * HOUR - 48 * HOUR;
const at = (hours: number, minutes = 0, seconds = 0) => new Date(B + hours * HOUR + minutes * 60_000 + seconds * 1000).toISOString();

let ws: string;
let goalId: string;
let funnelId: string;

type Item = { type: string; body: Record<string, unknown> };
const item = (i: Item) => ({ id: randomUUID(), ...i });

/**
 * c1 A u1 00:05  user "hi, I want to book a table" / assistant +2 s (10+5 tokens); ends 00:10, feedback positive
 * c2 A u2 00:20  user "this is terrible, awful service" / assistant +4 s; fallback_to_human; ends 00:30, feedback negative
 * c3 B u1 01:10  user "great, thanks a lot!" / assistant +1 s; events a, b; ends 01:20 escalated
 * c4 B –  01:30  no messages
 * c5 A u3 03:00  user "hello" ; event a
 */
async function seed(workspaceId: string) {
  const conv = (id: string, avatarId: string, startedAt: string, customerId?: string) => item({ type: 'conversation', body: { id, avatarId, startedAt, ...(customerId ? { customerId } : {}) } });
  const msg = (conversationId: string, role: string, content: string, createdAt: string, tokens?: { prompt: number; completion: number }) =>
    item({ type: 'message', body: { conversationId, role, content, createdAt, ...(tokens ? { tokens } : {}) } });
  const result = await ingestBatch(workspaceId, {
    batch: [
      conv('c1', 'A', at(0, 5), 'u1'),
      msg('c1', 'user', 'hi, I want to book a table', at(0, 5)),
      msg('c1', 'assistant', 'Sure, for when?', at(0, 5, 2), { prompt: 10, completion: 5 }),
      item({ type: 'conversation.end', body: { conversationId: 'c1', endedAt: at(0, 10), feedback: 'positive' } }),
      conv('c2', 'A', at(0, 20), 'u2'),
      msg('c2', 'user', 'this is terrible, awful service', at(0, 20)),
      msg('c2', 'assistant', 'I am sorry to hear that.', at(0, 20, 4)),
      item({ type: 'action', body: { conversationId: 'c2', name: 'fallback_to_human', startedAt: at(0, 21) } }),
      item({ type: 'conversation.end', body: { conversationId: 'c2', endedAt: at(0, 30), feedback: 'negative' } }),
      conv('c3', 'B', at(1, 10), 'u1'),
      msg('c3', 'user', 'great, thanks a lot!', at(1, 10)),
      msg('c3', 'assistant', 'You are welcome!', at(1, 10, 1)),
      item({ type: 'event', body: { conversationId: 'c3', name: 'a', timestamp: at(1, 11) } }),
      item({ type: 'event', body: { conversationId: 'c3', name: 'b', timestamp: at(1, 12) } }),
      item({ type: 'conversation.end', body: { conversationId: 'c3', endedAt: at(1, 20), escalated: true } }),
      conv('c4', 'B', at(1, 30)),
      conv('c5', 'A', at(3, 0), 'u3'),
      msg('c5', 'user', 'hello', at(3, 0)),
      item({ type: 'event', body: { conversationId: 'c5', name: 'a', timestamp: at(3, 1) } }),
    ],
  });
  expect(result.results.filter((r) => r.status >= 300)).toEqual([]);
}

beforeAll(async () => {
  ws = (await createTestWorkspace()).id;
  // The goal and the funnel exist before the conversations: the goal completes live.
  goalId = (await createGoal(ws, { name: 'Booking', trigger: { type: 'phrases', phrases: ['book'], role: 'user' } }, {})).id;
  funnelId = (await createFunnel(ws, { name: 'A then B', steps: [{ type: 'conversation_started' }, { type: 'event', name: 'a' }, { type: 'event', name: 'b' }] }, {})).id;
  await seed(ws);
});

async function value(metric: AlertMetric, window: AlertWindow, checkAt: number, extra: { avatarId?: string; funnelStep?: number } = {}) {
  const target = await targetOf({
    workspace_id: ws,
    metric,
    time_window: window,
    avatar_id: extra.avatarId ?? null,
    goal_id: metric === 'goal_completion_rate' ? goalId : null,
    funnel_id: metric === 'funnel_conversion' ? funnelId : null,
    funnel_step: extra.funnelStep ?? null,
  });
  const [reading] = await readMetric(ws, target, [new Date(B + checkAt * HOUR)], true);
  return reading;
}

describe('each metric is the §3 definition over the window ending at the check', () => {
  // Check at 02:00 with a 24 h window: the hours 02:00 the day before up to 02:00, so c1–c4.
  const cases: [AlertMetric, number | null][] = [
    ['conversations', 4],
    ['messages', 6],
    ['unique_users', 2],
    ['token_usage', 15],
    ['avg_duration', (300 + 600 + 600) / 3],
    ['avg_response_time', (2000 + 4000 + 1000) / 3],
    ['escalation_rate', 2 / 4],
    ['completion_rate', 1 / 4],
    ['negative_sentiment_rate', 1 / 3],
    ['negative_feedback_rate', 1 / 2],
    ['goal_completion_rate', 1 / 4],
    ['funnel_conversion', 1 / 4],
  ];
  test.each(cases)('%s over 24h at 02:00', async (metric, expected) => {
    const reading = await value(metric, '24h', 2);
    expect(reading.conversations).toBe(4);
    if (expected === null) expect(reading.value).toBeNull();
    else expect(reading.value).toBeCloseTo(expected, 10);
  });

  test('a 1 h window counts the hour before a check on the hour, and the hour so far after it', async () => {
    // 02:00 sharp → the hour 01:00–02:00: c3, c4.
    expect((await value('conversations', '1h', 2)).value).toBe(2);
    expect((await value('escalation_rate', '1h', 2)).value).toBe(1 / 2);
    // 03:20 → the hour 03:00–04:00: c5.
    expect((await value('conversations', '1h', 3 + 1 / 3)).value).toBe(1);
    // 02:30 → the hour 02:00–03:00: nothing; rates have no value, counts are 0.
    const empty = await value('avg_response_time', '1h', 2.5);
    expect(empty).toMatchObject({ value: null, conversations: 0 });
    expect((await value('conversations', '1h', 2.5)).value).toBe(0);
  });

  test('per avatar, the funnel step, and the window before', async () => {
    expect((await value('conversations', '24h', 4, { avatarId: 'A' })).value).toBe(3);
    expect((await value('unique_users', '24h', 4, { avatarId: 'B' })).value).toBe(1);
    expect((await value('funnel_conversion', '24h', 4, { funnelStep: 1 })).value).toBe(2 / 5);
    expect((await value('funnel_conversion', '24h', 4)).value).toBe(1 / 5);
    // At 01:00 with 1 h windows: this hour 00:00–01:00 has c1, c2; the one before has none.
    const r = await value('conversations', '1h', 1);
    expect(r).toMatchObject({ value: 2, previous: 0 });
    expect((await value('conversations', '1h', 2)).previous).toBe(2);
  });
});

describe('the back-test equals the checker run hour by hour', () => {
  const rules = [
    { name: 'Escalations', metric: 'escalation_rate', window: '1h', condition: { op: 'above', threshold: 0.4 } },
    { name: 'Busy', metric: 'conversations', window: '1h', condition: { op: 'above', threshold: 1 }, forChecks: 1 },
    { name: 'Unique users', metric: 'unique_users', window: '24h', condition: { op: 'above', threshold: 1 }, forChecks: 2 },
    { name: 'Quiet hours', metric: 'messages', window: '1h', condition: { op: 'below', threshold: 1 }, noData: 'keep' },
    { name: 'Change', metric: 'conversations', window: '1h', condition: { op: 'above', threshold: 0.5, compare: 'change' }, noData: 'keep' },
    { name: 'Funnel', metric: 'funnel_conversion', funnelId: '', window: '24h', condition: { op: 'below', threshold: 0.5 }, minConversations: 1 },
  ] as const;

  test.each(rules.map((r) => [r.name, r] as const))('%s', async (_name, raw) => {
    const rule = { ...raw, ...('funnelId' in raw ? { funnelId } : {}) };
    const end = new Date(B + 8 * HOUR);
    const preview = await previewAlert(ws, { rule, period: '1d', end: end.toISOString() });
    expect(preview.checks).toBe(24);
    expect(preview.series).toHaveLength(24);

    // A workspace of its own with the same data, so the checker's rule sees only its own passes.
    const other = (await createTestWorkspace()).id;
    const otherFunnel = (await createFunnel(other, { name: 'A then B', steps: [{ type: 'conversation_started' }, { type: 'event', name: 'a' }, { type: 'event', name: 'b' }] }, {})).id;
    await seed(other);
    const saved = await createAlertRule(other, { ...rule, ...('funnelId' in raw ? { funnelId: otherFunnel } : {}) }, {});
    for (const point of preview.series) {
      await runAlertChecks({ at: new Date(point.at), workspaceIds: [other], ruleIds: [saved.id] });
    }
    const events = (await listAlertEvents(other, saved.id, { limit: 200 }))!.data.reverse();
    const fromChecker = [];
    for (const e of events) {
      if (e.status === 'fired') fromChecker.push({ firedAt: e.at, resolvedAt: null as string | null });
      else fromChecker.at(-1)!.resolvedAt = e.at;
    }
    expect(preview.firings.map(({ firedAt, resolvedAt }) => ({ firedAt, resolvedAt }))).toEqual(fromChecker);
    const [row] = await sql<{ last_value: number | null; recent_checks: { value: number | null }[] }[]>`SELECT last_value, recent_checks FROM alert_rules WHERE workspace_id = ${other} AND id = ${saved.id}`;
    expect(row.last_value).toBe(preview.series.at(-1)!.value);
    expect(row.recent_checks.map((c) => c.value)).toEqual(preview.series.map((p) => p.value));
  });

  test('the escalation rule fires once and resolves once, and its seconds and peak are those of the series', async () => {
    const end = new Date(B + 8 * HOUR);
    const preview = await previewAlert(ws, { rule: rules[0], period: '1d', end: end.toISOString() });
    // Hours with escalations: 00:00–01:00 (c2 of c1, c2: 0.5) checked at 01:00, and 01:00–02:00 (c3 of c3, c4: 0.5) at 02:00; 03:00 resolves (0 of 0 → no data → ok).
    expect(preview.firings).toEqual([{ firedAt: new Date(B + HOUR).toISOString(), resolvedAt: new Date(B + 3 * HOUR).toISOString(), peakValue: 0.5 }]);
    expect(preview.secondsFiring).toBe(2 * 3600);
  });
});
