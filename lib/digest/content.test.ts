/**
 * The digest of a hand-made week in Europe/Berlin (6–12 Jan 2025), against the week before: every figure,
 * its change, the escalation reasons, the three transcripts chosen, and the e-mail that shows them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { completeGoal, seedConversation } from '@/lib/transcripts/test-data';
import { createTestWorkspace } from '@/test/factories';
import { buildDigest, type Digest } from './content';
import { digestMail } from './render';
import { renderMail } from '@/lib/mail';
import { digestWeekStarting } from './week';

afterAll(closeDb);

const TZ = 'Europe/Berlin';
let ws: string;
let digest: Digest;

const talk = (user: string, replyAfter: number): [string, string, number][] => [['user', user, 0], ['assistant', 'Let me help.', replyAfter]];

beforeAll(async () => {
  const workspace = await createTestWorkspace('Acme <Support>');
  ws = workspace.id;
  await sql`UPDATE workspaces SET timezone = ${TZ} WHERE id = ${ws}`;
  // The week: Mon 6 Jan 00:00 CET (5 Jan 23:00 UTC) to Mon 13 Jan 00:00 CET (12 Jan 23:00 UTC).
  await seedConversation(ws, { id: 'c0', startedAt: '2025-01-05T23:30:00Z', messages: talk('hello there', 3) });
  await seedConversation(ws, { id: 'c1', startedAt: '2025-01-06T10:00:00Z', messages: talk('This is terrible, I hate it, awful service', 2), endAfter: 120 });
  await seedConversation(ws, { id: 'c2', startedAt: '2025-01-07T10:00:00Z', messages: talk('I love this, great help', 4), tools: [{ name: 'fallback_to_human', at: 10 }], endAfter: 600 });
  await seedConversation(ws, { id: 'c3', startedAt: '2025-01-08T10:00:00Z', messages: talk('where is my order', 6), endAfter: 1800, escalated: true });
  await seedConversation(ws, {
    id: 'c4',
    startedAt: '2025-01-12T22:30:00Z', // Sunday 23:30 in Berlin: still this week
    messages: talk('I need a person', 8),
    tools: [{ name: 'open_ticket', at: 5 }, { name: 'fallback_to_human', at: 6 }],
  });
  // Monday 13 Jan 00:30 in Berlin: next week, counted nowhere here.
  await seedConversation(ws, { id: 'next', startedAt: '2025-01-12T23:30:00Z', messages: talk('This is horrible and terrible', 1), endAfter: 9000, escalated: true });
  // The week before (30 Dec – 5 Jan).
  await seedConversation(ws, { id: 'p1', startedAt: '2025-01-01T10:00:00Z', messages: talk('hi', 1), endAfter: 60 });
  await seedConversation(ws, { id: 'p2', startedAt: '2025-01-05T22:30:00Z', messages: talk('hi again', 3), endAfter: 60, escalated: true });
  await completeGoal(ws, 'c1', 'booked');
  await completeGoal(ws, 'c2', 'booked');
  await completeGoal(ws, 'c2', 'paid');
  await completeGoal(ws, 'p1', 'booked');
  await sql`UPDATE goals SET name = 'Demo booked' WHERE workspace_id = ${ws} AND id = 'booked'`;
  // Alert transitions: one firing in the week (the resolution and the firing of the week before are not listed).
  await sql`INSERT INTO alert_rules (workspace_id, id, name, metric, time_window, op, threshold) VALUES (${ws}, 'alr_1', 'Escalations <high>', 'escalation_rate', '24h', 'above', 0.1)`;
  await sql`
    INSERT INTO alert_events (workspace_id, id, rule_id, status, value, threshold, at) VALUES
      (${ws}, 'e0', 'alr_1', 'fired', 0.5, 0.1, '2025-01-05T22:00:00Z'),
      (${ws}, 'e1', 'alr_1', 'resolved', 0, 0.1, '2025-01-06T09:00:00Z'),
      (${ws}, 'e2', 'alr_1', 'fired', 0.25, 0.1, '2025-01-08T11:00:00Z')`;
  digest = await buildDigest({ id: ws, name: 'Acme <Support>', timezone: TZ }, digestWeekStarting('2025-01-06', TZ));
});

const kpi = (key: string) => digest.kpis.find((k) => k.key === key);

describe('the figures of the week and the week before', () => {
  test('conversations and messages: 5 vs 2, 10 vs 4 (the Sunday-night conversation counts, Monday 00:30 does not)', () => {
    expect(kpi('conversations')).toMatchObject({ current: 5, previous: 2 });
    expect(kpi('messages')).toMatchObject({ current: 10, previous: 4 });
  });

  test('completion rate 2/5 vs 1/2 and escalation rate 3/5 vs 1/2', () => {
    expect(kpi('completionRate')).toMatchObject({ current: 0.4, previous: 0.5 });
    expect(kpi('escalationRate')).toMatchObject({ current: 0.6, previous: 0.5 });
  });

  test('average response time: mean of 3, 2, 4, 6, 8 s vs mean of 1, 3 s', () => {
    expect(kpi('avgResponseTime')).toMatchObject({ current: 4600, previous: 2000 });
  });

  test('sentiment: the mean conversation score of each week', async () => {
    const mean = async (ids: string[]) => {
      const [row] = await sql<{ m: number }[]>`SELECT avg(sentiment_score)::float8 AS m FROM conversations WHERE workspace_id = ${ws} AND id = ANY(${ids}::text[]) AND sentiment_label IS NOT NULL`;
      return row.m;
    };
    const sentiment = kpi('sentiment')!;
    expect(sentiment.current).toBeCloseTo(await mean(['c0', 'c1', 'c2', 'c3', 'c4']), 5);
    expect(sentiment.previous).toBeCloseTo(await mean(['p1', 'p2']), 5);
  });

  test('each goal: completion rate this week and the week before', () => {
    expect(digest.goals).toEqual([
      { id: 'booked', name: 'Demo booked', completionRate: 0.4, previous: 0.5, completions: 2, conversations: 5 },
      { id: 'paid', name: 'Goal paid', completionRate: 0.2, previous: 0, completions: 1, conversations: 5 },
    ]);
  });

  test('escalation reasons: each escalated conversation once, under its first escalation tool, else end_call (as on the Overview)', () => {
    // c2 called fallback_to_human; c3 was escalated by its end call; c4 called open_ticket, then fallback_to_human.
    expect(digest.escalationReasons).toEqual([
      { reason: 'end_call', conversations: 1 },
      { reason: 'fallback_to_human', conversations: 1 },
      { reason: 'open_ticket', conversations: 1 },
    ]);
    expect(digest.escalationReasons.reduce((sum, r) => sum + r.conversations, 0)).toBe(3); // the escalation rate's 3 of 5
  });

  test('alert firings: the fired transitions of the week only', () => {
    expect(digest.alertFirings).toEqual([
      { rule_id: 'alr_1', name: 'Escalations <high>', metric: 'escalation_rate', compare: 'value', at: new Date('2025-01-08T11:00:00Z'), value: 0.25, threshold: 0.1 },
    ]);
    const mail = renderMail(digestMail(digest, { origin: 'https://confab.example.com', unsubscribeUrl: null }));
    expect(mail.text).toContain('Escalations <high>');
    expect(mail.text).toContain('25.0 %');
    expect(mail.html).toContain('Escalations &lt;high&gt;');
    expect(mail.html).toContain('https://confab.example.com/alerts/alr_1');
  });

  test('three transcripts: the most negative, the latest escalated, the longest — three different conversations', () => {
    expect(digest.transcripts.map((t) => [t.kind, t.id])).toEqual([
      ['most_negative', 'c1'],
      ['escalated', 'c4'],
      ['longest', 'c3'],
    ]);
    expect(digest.transcripts[0].sentimentScore).toBeLessThan(-0.05);
    expect(digest.transcripts[2].durationSeconds).toBe(1800);
  });
});

describe('the e-mail', () => {
  const links = { origin: 'https://confab.example/', unsubscribeUrl: 'https://confab.example/unsubscribe/t' };

  test('the text part shows every figure with its change', () => {
    const { text, subject } = renderMail(digestMail(digest, links));
    expect(subject).toBe('Acme <Support>: your Confab week, 6 Jan 2025 – 12 Jan 2025');
    expect(text).toContain('The week of 6 Jan 2025 – 12 Jan 2025 (Europe/Berlin), compared with the week before.');
    expect(text).toContain('- Conversations: 5 (+150% vs last week)');
    expect(text).toContain('- Messages: 10 (+150% vs last week)');
    expect(text).toContain('- Completion rate: 40.0% (−10.0 pts vs last week)');
    expect(text).toContain('- Escalation rate: 60.0% (+10.0 pts vs last week)');
    expect(text).toContain('- Average response time: 4.6s (+130% vs last week)');
    const { current, previous } = kpi('sentiment') as { current: number; previous: number };
    const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(2)}`;
    const change = Number(Math.abs(current - previous).toFixed(2)) === 0 ? 'no change' : `${signed(current - previous)} vs last week`;
    expect(text).toContain(`- Sentiment (mean score, −1 to 1): ${signed(current)} (${change})`);
    expect(text).toContain('- Demo booked: 40.0% (−10.0 pts vs last week) https://confab.example/goals');
    expect(text).toContain('- Goal paid: 20.0% (+20.0 pts vs last week)');
    expect(text).toContain('Top escalation reasons\n- end_call: 1 conversation\n- fallback_to_human: 1 conversation\n- open_ticket: 1 conversation\n');
    expect(text).toContain('Alerts fired\n- Escalations <high>: 25.0 %');
    expect(text).toMatch(/- Most negative: bot, 6 Jan 2025, 11:00 — “This is terrible, I hate it, awful service”: score −0\.\d\d https:\/\/confab\.example\/transcripts\/c1/);
    expect(text).toContain('- Escalated: bot, 12 Jan 2025, 23:30 — “I need a person”: escalated https://confab.example/transcripts/c4');
    expect(text).toContain('- Longest: bot, 8 Jan 2025, 11:00 — “where is my order”: 30m 0s https://confab.example/transcripts/c3');
    expect(text).toContain('Open the Overview: https://confab.example/overview?start=2025-01-06&end=2025-01-12');
    expect(text).toContain('Unsubscribe: https://confab.example/unsubscribe/t');
  });

  test('the HTML part says the same, escaped', () => {
    const { html } = renderMail(digestMail(digest, links));
    expect(html).toContain('Acme &lt;Support&gt;: your week in Confab');
    expect(html).toContain('href="https://confab.example/transcripts/c1"');
    expect(html).toContain('−10.0 pts vs last week');
    expect(html).toContain('href="https://confab.example/unsubscribe/t"');
  });
});
