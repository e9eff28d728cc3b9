/**
 * The funnel tests' hand-made dataset, sent through the real ingest (and so the real live goal engine):
 * conversations in March 2025 (UTC) for avatars avt_a and avt_b, plus one before and one after the month.
 * Times are seconds after each conversation's start. The expected counts are worked out in the tests.
 */
import { randomUUID } from 'node:crypto';
import { createGoal } from '@/lib/goals/service';
import { ingestBatch } from '@/lib/ingest/batch';

type Spec = {
  id: string;
  avatarId: string;
  startedAt: string;
  /** [content, seconds]: user messages (each answered by the assistant a second later) */
  user: [string, number][];
  tools?: [string, number][];
  events?: [string, number, Record<string, unknown>?][];
};

export const EMAIL_PATTERN = '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+';

export const FUNNEL_CONVERSATIONS: Spec[] = [
  // Every step, in order: messages at 0/20/40 (an email at 40), search_kb at 30, checkout (pro) at 35.
  { id: 'c1', avatarId: 'avt_a', startedAt: '2025-03-03T10:00:00Z', user: [['Hi', 0], ['I need help', 20], ['Mail me at ann@example.com', 40]], tools: [['search_kb', 30]], events: [['checkout', 35, { plan: 'pro' }]] },
  // The pro checkout (5) comes before search_kb (10); the later checkout (50) is for another plan.
  { id: 'c2', avatarId: 'avt_a', startedAt: '2025-03-05T10:00:00Z', user: [['Hi', 0], ['Pricing?', 20]], tools: [['search_kb', 10]], events: [['checkout', 5, { plan: 'pro' }], ['checkout', 50, { plan: 'basic' }]] },
  // One user message only.
  { id: 'c3', avatarId: 'avt_b', startedAt: '2025-03-07T10:00:00Z', user: [['Hi', 0]], tools: [['search_kb', 10]] },
  // The email (10) comes before the checkout (60, properties a superset of plan=pro); search_kb twice (20, 100).
  { id: 'c4', avatarId: 'avt_b', startedAt: '2025-03-10T10:00:00Z', user: [['I am bob@example.org', 10], ['More', 30], ['Thanks', 50]], tools: [['search_kb', 20], ['search_kb', 100]], events: [['checkout', 60, { plan: 'pro', coupon: 'x' }]] },
  // Two user messages, no tool call.
  { id: 'c5', avatarId: 'avt_a', startedAt: '2025-03-12T10:00:00Z', user: [['Hi', 0], ['Bye', 20]] },
  // Every step; its third user message (45, with the email) comes after the checkout (25).
  { id: 'c8', avatarId: 'avt_a', startedAt: '2025-03-15T10:00:00Z', user: [['Hi', 0], ['Plans?', 10], ['Use cy@example.net', 45], ['Ok', 70]], tools: [['search_kb', 15]], events: [['checkout', 25, { plan: 'pro' }]] },
  // Outside March: every step, never counted for March.
  { id: 'c6', avatarId: 'avt_a', startedAt: '2025-02-20T10:00:00Z', user: [['Hi', 0], ['Help', 10], ['dee@example.com', 40]], tools: [['search_kb', 20]], events: [['checkout', 30, { plan: 'pro' }]] },
  { id: 'c7', avatarId: 'avt_a', startedAt: '2025-04-02T10:00:00Z', user: [['Hi', 0], ['Help', 10], ['eve@example.com', 40]], tools: [['search_kb', 20]], events: [['checkout', 30, { plan: 'pro' }]] },
];

export const MARCH = 'start=2025-03-01&end=2025-03-31';
export const MARCH_RANGE = { start: new Date('2025-03-01T00:00:00Z'), end: new Date('2025-04-01T00:00:00Z'), timezone: 'UTC' };

const at = (start: string, seconds: number) => new Date(Date.parse(start) + seconds * 1000).toISOString();

function batchOf(s: Spec): unknown[] {
  const k = () => randomUUID();
  const conversationId = s.id;
  return [
    { id: k(), type: 'conversation', body: { id: s.id, avatarId: s.avatarId, startedAt: s.startedAt } },
    ...s.user.flatMap(([content, t], i) => [
      { id: k(), type: 'message', body: { conversationId, id: `${s.id}-u${i}`, role: 'user', content, createdAt: at(s.startedAt, t) } },
      { id: k(), type: 'message', body: { conversationId, id: `${s.id}-a${i}`, role: 'assistant', content: 'Sure.', createdAt: at(s.startedAt, t + 1) } },
    ]),
    ...(s.tools ?? []).map(([name, t], i) => ({ id: k(), type: 'action', body: { conversationId, id: `${s.id}-t${i}`, name, startedAt: at(s.startedAt, t) } })),
    ...(s.events ?? []).map(([name, t, properties], i) => ({
      id: k(),
      type: 'event',
      body: { conversationId, id: `${s.id}-e${i}`, name, properties, timestamp: at(s.startedAt, t) },
    })),
  ];
}

/**
 * Creates the "Lead captured" goal (an email in a user message), then ingests the conversations, so the
 * live goal engine records the completions at the email messages' times. Returns the goal's id.
 */
export async function seedFunnelDataset(workspaceId: string): Promise<{ goalId: string }> {
  const goal = await createGoal(workspaceId, { name: 'Lead captured', trigger: { type: 'pattern', pattern: EMAIL_PATTERN, role: 'user' } }, {});
  const { results } = await ingestBatch(workspaceId, { batch: FUNNEL_CONVERSATIONS.flatMap(batchOf) });
  const failed = results.filter((r) => r.status >= 400);
  if (failed.length) throw new Error(`seed failed: ${JSON.stringify(failed)}`);
  return { goalId: goal.id };
}
