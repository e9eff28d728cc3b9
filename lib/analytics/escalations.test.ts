import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { transcriptFiltersSchema } from '@/lib/transcripts/filters';
import { listConversations } from '@/lib/transcripts/list';
import { seedConversation } from '@/lib/transcripts/test-data';
import { createTestWorkspace } from '@/test/factories';
import { getEscalations } from './escalations';
import { resolveFilter } from './filter';
import { getOverview } from './overview';

afterAll(closeDb);

/**
 * Berlin workspace, range 2024-06-10 … 2024-06-11 (local days):
 *  e1 support  "I want a refund for my order" → fallback_to_human; a later "ok thanks" does not count
 *  e2 support  "refund please, the order never arrived" → open_ticket, then fallback_to_human (reason: the first)
 *  e3 sales    "How do I get a refund?" → end call escalated: true (reason end_call)
 *  e4 support  "talk to a human" → Contact_Human (case kept) and end escalated: true (reason the tool)
 *  e5 sales    no messages, end escalated: true (no last user message)
 *  n1 sales    not escalated; old1 support escalated before the range; x1 another workspace's escalation
 */
let ws: string;
const RANGE = { start: '2024-06-10', end: '2024-06-11' };
const NOW = new Date('2024-06-20T12:00:00Z');

beforeAll(async () => {
  ws = (await createTestWorkspace()).id;
  await sql`UPDATE workspaces SET timezone = 'Europe/Berlin' WHERE id = ${ws}::uuid`;
  await seedConversation(ws, {
    id: 'e1', avatarId: 'support', startedAt: '2024-06-10T08:00:00Z',
    messages: [['user', 'I want a refund for my order', 1], ['assistant', 'One moment', 2], ['user', 'ok thanks', 30]],
    tools: [{ name: 'fallback_to_human', at: 10 }],
  });
  await seedConversation(ws, {
    id: 'e2', avatarId: 'support', startedAt: '2024-06-10T09:00:00Z',
    messages: [['user', 'Hello', 1], ['assistant', 'Hi', 2], ['user', 'refund please, the order never arrived', 3]],
    tools: [{ name: 'open_ticket', at: 5 }, { name: 'fallback_to_human', at: 8 }],
  });
  await seedConversation(ws, {
    id: 'e3', avatarId: 'sales', startedAt: '2024-06-11T10:00:00Z',
    messages: [['user', 'How do I get a refund?', 1], ['assistant', 'Let me check', 2]], endAfter: 60, escalated: true,
  });
  await seedConversation(ws, {
    id: 'e4', avatarId: 'support', startedAt: '2024-06-11T11:00:00Z',
    messages: [['user', 'talk to a human', 1]], tools: [{ name: 'Contact_Human', at: 3 }], endAfter: 40, escalated: true,
  });
  await seedConversation(ws, { id: 'e5', avatarId: 'sales', startedAt: '2024-06-11T12:00:00Z', endAfter: 20, escalated: true });
  await seedConversation(ws, { id: 'n1', avatarId: 'sales', startedAt: '2024-06-11T13:00:00Z', messages: [['user', 'refund', 1]], endAfter: 20 });
  await seedConversation(ws, { id: 'old1', avatarId: 'support', startedAt: '2024-06-01T08:00:00Z', messages: [['user', 'refund', 1]], tools: [{ name: 'fallback_to_human', at: 5 }] });
  const other = (await createTestWorkspace()).id;
  await seedConversation(other, { id: 'x1', avatarId: 'support', startedAt: '2024-06-10T08:00:00Z', messages: [['user', 'refund', 1]], tools: [{ name: 'fallback_to_human', at: 5 }] });
});

const filterOf = async (avatarId: string | null = null) => resolveFilter(ws, { ...RANGE, avatarId }, NOW);

describe('getEscalations', () => {
  test('counts each escalated conversation once, by the reason of its first escalation action, else end_call', async () => {
    const result = await getEscalations(ws, await filterOf(), { groupBy: 'day' });
    expect(result.total).toBe(5);
    expect(result.byReason).toEqual([
      { reason: 'fallback_to_human', conversations: 1, share: 0.2 },
      { reason: 'Contact_Human', conversations: 1, share: 0.2 },
      { reason: 'end_call', conversations: 2, share: 0.4 },
      { reason: 'open_ticket', conversations: 1, share: 0.2 },
    ].sort((a, b) => b.conversations - a.conversations || a.reason.localeCompare(b.reason)));
    expect(result.byAvatar).toEqual([
      { id: 'support', name: 'support', conversations: 3, share: 0.6 },
      { id: 'sales', name: 'sales', conversations: 2, share: 0.4 },
    ]);
    expect(result.series).toEqual([
      { date: '2024-06-10T00:00:00+02:00', escalations: 2 },
      { date: '2024-06-11T00:00:00+02:00', escalations: 3 },
    ]);
  });

  test('the total equals the overview’s escalated conversations, for the workspace and per avatar', async () => {
    for (const avatarId of [null, 'support', 'sales']) {
      const filter = await filterOf(avatarId);
      const [escalations, overview] = await Promise.all([getEscalations(ws, filter), getOverview(ws, filter)]);
      expect(escalations.total, String(avatarId)).toBe(Math.round(overview.escalationRate! * overview.conversations));
      expect(escalations.byReason.reduce((s, r) => s + r.conversations, 0)).toBe(escalations.total);
    }
    const sales = await getEscalations(ws, await filterOf('sales'));
    expect(sales.byReason).toEqual([{ reason: 'end_call', conversations: 2, share: 1 }]);
  });

  test('the last user message at or before each escalation, latest escalation first', async () => {
    const { lastMessages, sampled } = await getEscalations(ws, await filterOf());
    expect(sampled).toBe(5);
    expect(lastMessages.map((m) => [m.conversationId, m.reason, m.lastUserMessage])).toEqual([
      ['e5', 'end_call', null],
      ['e4', 'Contact_Human', 'talk to a human'],
      ['e3', 'end_call', 'How do I get a refund?'],
      ['e2', 'open_ticket', 'refund please, the order never arrived'],
      ['e1', 'fallback_to_human', 'I want a refund for my order'],
    ]);
    expect(lastMessages[0].escalatedAt).toBe('2024-06-11T12:00:20.000Z');
  });

  test('recurring phrases of those messages with counts and example conversations', async () => {
    const { phrases } = await getEscalations(ws, await filterOf());
    expect(phrases[0]).toEqual({ phrase: 'refund', conversations: 3, conversationIds: ['e3', 'e2', 'e1'] });
    // "order" alone is left out: "refund order" says more and holds the same conversations.
    expect(phrases).toEqual([phrases[0], { phrase: 'refund order', conversations: 2, conversationIds: ['e2', 'e1'] }]);
  });

  test('each reason’s transcripts filter lists exactly the conversations counted for it', async () => {
    const { byReason } = await getEscalations(ws, await filterOf());
    for (const { reason, conversations } of byReason) {
      const listed = await listConversations(ws, transcriptFiltersSchema.parse({ ...RANGE, escalated: 'true', escalationReason: reason }), null, 100);
      expect(listed.data, reason).toHaveLength(conversations);
    }
    const endCall = await listConversations(ws, transcriptFiltersSchema.parse({ ...RANGE, escalationReason: 'end_call' }), null, 100);
    expect(endCall.data.map((c) => c.id).sort()).toEqual(['e3', 'e5']);
  });
});
