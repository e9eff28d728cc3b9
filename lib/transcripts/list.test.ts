import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { createTestWorkspace } from '@/test/factories';
import { transcriptFiltersSchema } from './filters';
import { parseCsvRecords } from '@/test/parse-csv';
import { streamCsv } from './csv';
import { listConversations } from './list';
import { completeGoal, seedConversation } from './test-data';

afterAll(closeDb);

const parse = (q: Record<string, string>) => transcriptFiltersSchema.parse(q);
/**
 * The listed ids. The CSV exports of the same filters (one COPY each, filter values as literals) must hold
 * the same conversations in the same order, and the messages export their messages in that order.
 */
async function ids(ws: string, q: Record<string, string> = {}) {
  const listed = (await listConversations(ws, parse(q), null, 200)).data.map((c) => c.id);
  const exported = async (rows: 'conversations' | 'messages') => parseCsvRecords(await new Response(streamCsv(ws, parse(q), rows)).text());
  expect((await exported('conversations')).map((r) => r.id)).toEqual(listed);
  expect([...new Set((await exported('messages')).map((r) => r.conversation_id))]).toEqual(listed);
  return listed;
}

describe('filters', () => {
  let ws: string;
  beforeAll(async () => {
    ws = (await createTestWorkspace()).id;
    await sql`UPDATE workspaces SET timezone = 'America/New_York' WHERE id = ${ws}::uuid`;
    await seedConversation(ws, {
      id: 'a', avatarId: 'sales', startedAt: '2024-03-01T12:00:00Z', customerId: 'cust-1', device: 'mobile', source: 'web', language: 'en', ip: '8.8.8.8',
      messages: [['user', 'I love this product, thank you!', 1], ['assistant', 'Glad to help', 3]], endAfter: 120,
    });
    await seedConversation(ws, {
      id: 'b', avatarId: 'support', startedAt: '2024-03-02T03:30:00Z', customerId: 'cust-2', device: 'desktop', source: 'app', language: 'de',
      messages: [['user', 'This is terrible, I hate it. Größe ÄNDERN', 1], ['assistant', 'Entschuldigung', 2]],
      tools: [{ name: 'fallback_to_human', at: 5 }],
    });
    await seedConversation(ws, {
      id: 'c', avatarId: 'support', startedAt: '2024-03-05T15:00:00Z', customerId: 'cust-1', device: 'tablet', source: 'web', language: 'ja',
      messages: [['user', '注文はどこですか', 1], ['assistant', '発送済みです', 2], ['assistant', "Order 'A\\B' shipped", 3]], endAfter: 30,
    });
    await completeGoal(ws, 'c', 'checkout');
  });

  test('no filter lists everything, newest first', async () => {
    expect(await ids(ws)).toEqual(['c', 'b', 'a']);
  });

  test('dates are read in the workspace timezone, end inclusive', async () => {
    // b started 2024-03-01 22:30 in New York.
    expect(await ids(ws, { start: '2024-03-01', end: '2024-03-01' })).toEqual(['b', 'a']);
    expect(await ids(ws, { start: '2024-03-02', end: '2024-03-05' })).toEqual(['c']);
    expect(await ids(ws, { start: '2024-03-02' })).toEqual(['c']);
    expect(await ids(ws, { period: '7d' })).toEqual([]);
  });

  test('each attribute filter', async () => {
    expect(await ids(ws, { avatarId: 'support' })).toEqual(['c', 'b']);
    expect(await ids(ws, { status: 'ended' })).toEqual(['c', 'a']);
    expect(await ids(ws, { status: 'active' })).toEqual(['b']);
    expect(await ids(ws, { escalated: 'true' })).toEqual(['b']);
    expect(await ids(ws, { escalated: 'false' })).toEqual(['c', 'a']);
    expect(await ids(ws, { goal: 'reached' })).toEqual(['c']);
    expect(await ids(ws, { goal: 'none' })).toEqual(['b', 'a']);
    expect(await ids(ws, { goal: 'checkout' })).toEqual(['c']);
    expect(await ids(ws, { goal: 'other' })).toEqual([]);
    expect(await ids(ws, { sentiment: 'positive' })).toEqual(['a']);
    expect(await ids(ws, { sentiment: 'negative' })).toEqual(['b']);
    expect(await ids(ws, { device: 'tablet' })).toEqual(['c']);
    expect(await ids(ws, { source: 'web' })).toEqual(['c', 'a']);
    expect(await ids(ws, { language: 'de' })).toEqual(['b']);
    expect(await ids(ws, { country: 'us' })).toEqual(['a']);
    expect(await ids(ws, { customerId: 'cust-1' })).toEqual(['c', 'a']);
  });

  test('text search is case-insensitive in any script, and literal', async () => {
    expect(await ids(ws, { q: 'LOVE' })).toEqual(['a']);
    expect(await ids(ws, { q: 'größe ändern' })).toEqual(['b']);
    expect(await ids(ws, { q: '注文' })).toEqual(['c']);
    expect(await ids(ws, { q: 'glad to' })).toEqual(['a']);
    expect(await ids(ws, { q: '%' })).toEqual([]);
    expect(await ids(ws, { q: '_' })).toEqual([]);
    expect(await ids(ws, { q: "'a\\b'" })).toEqual(['c']);
    expect(await ids(ws, { q: "'; DROP TABLE conversations; --" })).toEqual([]);
  });

  test('filters combine', async () => {
    expect(await ids(ws, { customerId: 'cust-1', source: 'web', status: 'ended', start: '2024-03-03', end: '2024-03-31' })).toEqual(['c']);
    expect(await ids(ws, { avatarId: 'support', escalated: 'false', q: 'terrible' })).toEqual([]);
    const every = { avatarId: 'sales', status: 'ended', escalated: 'false', goal: 'none', sentiment: 'positive', device: 'mobile', source: 'web' };
    expect(await ids(ws, { ...every, language: 'EN', country: 'US', customerId: 'cust-1', q: 'love', start: '2024-03-01', end: '2024-03-01' })).toEqual(['a']);
    expect(await ids(ws, { ...every, period: '9999w', sort: 'sentiment', order: 'asc' })).toEqual(['a']);
  });

  test('sorting by duration, messages and sentiment, both orders', async () => {
    // Durations: a 120 s (ended), c 30 s (ended), b 5 s so far (active: last activity).
    expect(await ids(ws, { sort: 'duration', order: 'desc' })).toEqual(['a', 'c', 'b']);
    expect(await ids(ws, { sort: 'duration', order: 'asc' })).toEqual(['b', 'c', 'a']);
    expect(await ids(ws, { sort: 'messages', order: 'asc' })).toEqual(['a', 'b', 'c']);
    expect(await ids(ws, { sort: 'sentiment', order: 'desc' })).toEqual(['a', 'c', 'b']);
    expect(await ids(ws, { sort: 'sentiment', order: 'asc' })).toEqual(['b', 'c', 'a']);
    expect(await ids(ws, { sort: 'startedAt', order: 'asc' })).toEqual(['a', 'b', 'c']);
  });

  test('another workspace sees none of it', async () => {
    const other = (await createTestWorkspace()).id;
    expect(await ids(other)).toEqual([]);
    expect(await ids(other, { customerId: 'cust-1' })).toEqual([]);
  });
});
