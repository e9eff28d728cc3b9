/**
 * A small dataset for the goal analytics tests, on Europe/Berlin (UTC+1 in November), read for the local
 * days 2024-11-04 … 2024-11-06 (range [2024-11-03T23:00Z, 2024-11-06T23:00Z)). Completions come from the
 * real engine: two goals exist before the conversations arrive (live evaluation), two are created after
 * them (back-fill).
 *
 *  id  avatar       started (UTC → local)          what happens                                   goals
 *  a0  sales-bot    Nov 3 22:59Z → Nov 3 23:59     "z@z.io thanks", ended                          (out of range)
 *  a1  sales-bot    Nov 4 09:00Z → Nov 4 10:00     user email, assistant "thanks", book_demo, end  lead, avoided, demo
 *  a2  sales-bot    Nov 4 22:30Z → Nov 4 23:30     "hello", "thank you!", fallback_to_human, end   answered
 *  a3  support-bot  Nov 4 23:30Z → Nov 5 00:30     "bob@test.org thanks", ended                    lead, answered, avoided
 *  a4  support-bot  Nov 5 12:00Z → Nov 5 13:00     "where is my order?", assistant "Thank you…",   avoided (demo is sales-bot only)
 *                                                  book_demo, ended
 *  a5  support-bot  Nov 6 08:00Z → Nov 6 09:00     "x@y.co", ended escalated                       lead
 *  a6  support-bot  Nov 6 10:00Z → Nov 6 11:00     "hi", still active                              —
 *  a7  sales-bot    Nov 6 23:00Z → Nov 7 00:00     "q@q.io thanks", ended                          (out of range)
 */
import { expect } from 'vitest';
import { sql } from '@/db';
import { runPendingBackfills } from '@/lib/goals/backfill';
import { createGoal, type Goal } from '@/lib/goals/service';
import { GOAL_TEMPLATES } from '@/lib/goals/triggers';
import { seedConversation, type ConversationSpec } from '@/lib/transcripts/test-data';
import { createTestWorkspace } from './factories';

export const TIMEZONE = 'Europe/Berlin';
export const RANGE = { start: '2024-11-04', end: '2024-11-06' };
export const PERIOD = { start: '2024-11-03T23:00:00.000Z', end: '2024-11-06T23:00:00.000Z', timezone: TIMEZONE };
export const DAYS = ['2024-11-04T00:00:00+01:00', '2024-11-05T00:00:00+01:00', '2024-11-06T00:00:00+01:00'];

const CONVERSATIONS: ConversationSpec[] = [
  { id: 'a0', avatarId: 'sales-bot', startedAt: '2024-11-03T22:59:00Z', messages: [['user', 'z@z.io thanks', 5]], endAfter: 60 },
  {
    id: 'a1', avatarId: 'sales-bot', startedAt: '2024-11-04T09:00:00Z',
    messages: [['user', 'my email is ann@example.com', 5], ['assistant', 'thanks', 8]],
    tools: [{ name: 'book_demo', at: 10 }], endAfter: 60,
  },
  {
    id: 'a2', avatarId: 'sales-bot', startedAt: '2024-11-04T22:30:00Z',
    messages: [['user', 'hello', 5], ['assistant', 'hi', 6], ['user', 'thank you!', 20]],
    tools: [{ name: 'fallback_to_human', at: 30 }], endAfter: 60,
  },
  { id: 'a3', avatarId: 'support-bot', startedAt: '2024-11-04T23:30:00Z', messages: [['user', 'contact me at bob@test.org thanks', 5]], endAfter: 60 },
  {
    id: 'a4', avatarId: 'support-bot', startedAt: '2024-11-05T12:00:00Z',
    messages: [['user', 'where is my order?', 5], ['assistant', 'Thank you for asking', 6]],
    tools: [{ name: 'book_demo', at: 10 }], endAfter: 60,
  },
  { id: 'a5', avatarId: 'support-bot', startedAt: '2024-11-06T08:00:00Z', messages: [['user', 'x@y.co', 5]], endAfter: 60, escalated: true },
  { id: 'a6', avatarId: 'support-bot', startedAt: '2024-11-06T10:00:00Z', messages: [['user', 'hi', 5]] },
  { id: 'a7', avatarId: 'sales-bot', startedAt: '2024-11-06T23:00:00Z', messages: [['user', 'q@q.io thanks', 5]], endAfter: 60 },
];

const template = (key: string) => {
  const t = GOAL_TEMPLATES.find((x) => x.key === key)!;
  return { name: t.name, trigger: t.trigger };
};

/** Runs the workspace's back-fills and waits until every one has finished. */
export async function backfillAll(workspaceId: string) {
  for (let i = 0; i < 200; i++) {
    await runPendingBackfills({ workspaceIds: [workspaceId] });
    const [row] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM goals WHERE workspace_id = ${workspaceId}::uuid AND backfill_status <> 'done'`;
    if (row.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('back-fills did not finish');
}

export type GoalsDataset = { workspaceId: string; lead: Goal; answered: Goal; avoided: Goal; demo: Goal };

export async function createGoalsWorkspace(): Promise<GoalsDataset> {
  const ws = await createTestWorkspace('Goals analytics');
  await sql`UPDATE workspaces SET timezone = ${TIMEZONE} WHERE id = ${ws.id}`;
  const actor = { userId: null };
  const lead = await createGoal(ws.id, template('lead_captured'), actor);
  const answered = await createGoal(ws.id, template('question_answered'), actor);
  await backfillAll(ws.id);
  for (const c of CONVERSATIONS) await seedConversation(ws.id, c);
  const avoided = await createGoal(ws.id, template('escalation_avoided'), actor);
  const demo = await createGoal(ws.id, { name: 'Demo booked', avatarId: 'sales-bot', trigger: { type: 'tool', name: 'book_demo' } }, actor);
  await backfillAll(ws.id);
  const sources = await sql<{ source: string; n: number }[]>`
    SELECT source, count(*)::int AS n FROM goal_completions WHERE workspace_id = ${ws.id}::uuid GROUP BY 1 ORDER BY 1`;
  expect(sources.map((s) => s.source)).toEqual(['backfill', 'live']);
  return { workspaceId: ws.id, lead, answered, avoided, demo };
}

const rate = (c: number, n: number) => (n ? c / n : null);
const day = (i: number, completions: number, conversations: number) => ({ date: DAYS[i], completions, conversations, completionRate: rate(completions, conversations) });
const avatar = (id: string, completions: number, conversations: number) => ({ id, name: id, completions, conversations, completionRate: rate(completions, conversations) });

/** The figures of each goal for RANGE, worked out by hand from the table above. */
export const EXPECTED = {
  lead: {
    completions: 3, conversations: 6, completionRate: 0.5,
    trend: [day(0, 1, 2), day(1, 1, 2), day(2, 1, 2)],
    byAvatar: [avatar('support-bot', 2, 4), avatar('sales-bot', 1, 2)],
    recent: ['a5', 'a3', 'a1'],
  },
  answered: {
    completions: 2, conversations: 6, completionRate: 2 / 6,
    trend: [day(0, 1, 2), day(1, 1, 2), day(2, 0, 2)],
    byAvatar: [avatar('support-bot', 1, 4), avatar('sales-bot', 1, 2)],
    recent: ['a3', 'a2'],
  },
  avoided: {
    completions: 3, conversations: 6, completionRate: 0.5,
    trend: [day(0, 1, 2), day(1, 2, 2), day(2, 0, 2)],
    byAvatar: [avatar('support-bot', 2, 4), avatar('sales-bot', 1, 2)],
    recent: ['a4', 'a3', 'a1'],
  },
  demo: {
    completions: 1, conversations: 2, completionRate: 0.5,
    trend: [day(0, 1, 2), day(1, 0, 0), day(2, 0, 0)],
    byAvatar: [avatar('sales-bot', 1, 2)],
    recent: ['a1'],
  },
  /** The Overview's completion rate: a1–a5 completed some goal, a6 none. */
  overviewCompletionRate: 5 / 6,
};
