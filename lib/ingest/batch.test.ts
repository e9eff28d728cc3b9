import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { ApiError } from '@/lib/api/errors';
import { createTestWorkspace } from '@/test/factories';
import { conversationRow, hourlyTotals, ingestRowCounts, messageRows } from '@/test/ingest-db';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { ingestBatch } from './batch';

afterAll(closeDb);

const conversationFlow = (prefix: string, conversationId: string) => [
  { id: `${prefix}-1`, type: 'conversation', timestamp: '2024-05-01T10:00:00Z', body: { id: conversationId, avatarId: 'bot', customerId: 'u1', device: 'desktop' } },
  { id: `${prefix}-2`, type: 'message', timestamp: '2024-05-01T10:00:01Z', body: { conversationId, role: 'user', content: 'Where is my order? I am upset.' } },
  { id: `${prefix}-3`, type: 'action', timestamp: '2024-05-01T10:00:02Z', body: { conversationId, name: 'lookup_order', durationMs: 300 } },
  { id: `${prefix}-4`, type: 'message', timestamp: '2024-05-01T10:00:04Z', body: { conversationId, role: 'assistant', content: 'It ships today.', tokens: { prompt: 50, completion: 10 } } },
  { id: `${prefix}-5`, type: 'event', timestamp: '2024-05-01T10:00:05Z', body: { name: 'order_checked', conversationId } },
  { id: `${prefix}-6`, type: 'conversation.end', timestamp: '2024-05-01T10:02:00Z', body: { conversationId, feedback: 'thumbs_up' } },
];

describe('batch', () => {
  test('applies a whole conversation in order, timestamps defaulting each body’s time', async () => {
    const ws = await createTestWorkspace();
    const { results } = await ingestBatch(ws.id, { batch: conversationFlow('a', 'c1') });
    expect(results.map((r) => [r.id, r.status])).toEqual([['a-1', 201], ['a-2', 201], ['a-3', 201], ['a-4', 201], ['a-5', 201], ['a-6', 200]]);
    const row = (await conversationRow(ws.id, 'c1'))!;
    expect(row).toMatchObject({
      status: 'ended', started_at: new Date('2024-05-01T10:00:00Z'), ended_at: new Date('2024-05-01T10:02:00Z'),
      message_count: 2, action_count: 1, feedback: 'positive', sentiment_label: 'negative', prompt_tokens: 50,
    });
    expect((await messageRows(ws.id, 'c1')).map((m) => m.response_time_ms)).toEqual([null, 3000]);
    await expectRollupsConsistent(ws.id);
  });

  test('a resent batch changes nothing and answers with the statuses of the first time', async () => {
    const ws = await createTestWorkspace();
    const first = await ingestBatch(ws.id, { batch: conversationFlow('b', 'c1') });
    const counts = await ingestRowCounts(ws.id);
    const rollups = await hourlyTotals(ws.id);
    const again = await ingestBatch(ws.id, { batch: conversationFlow('b', 'c1') });
    expect(again.results).toEqual(first.results);
    expect(await ingestRowCounts(ws.id)).toEqual(counts);
    expect(await hourlyTotals(ws.id)).toEqual(rollups);
  });

  test('messages, tool calls and events with the item id as their own are their own record: no ledger row, resends still no-ops', async () => {
    const ws = await createTestWorkspace();
    const batch = [
      { id: 'open', type: 'conversation', body: { id: 'c1', avatarId: 'bot' } },
      { id: 'm1', type: 'message', body: { conversationId: 'c1', id: 'm1', role: 'user', content: 'hello' } },
      { id: 'm2', type: 'message', body: { conversationId: 'c1', role: 'assistant', content: 'hi there' } },
      { id: 'item-m3', type: 'message', body: { conversationId: 'c1', id: 'm3', role: 'user', content: 'bye' } },
      { id: 'a1', type: 'action', body: { conversationId: 'c1', id: 'a1', name: 'lookup' } },
      { id: 'e1', type: 'event', body: { id: 'e1', name: 'clicked', conversationId: 'c1' } },
      { id: 'end', type: 'conversation.end', body: { conversationId: 'c1' } },
    ];
    const first = await ingestBatch(ws.id, { batch });
    expect(first.results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201, 200]);
    // Only the items whose effect is not keyed by their own id are remembered.
    const keys = await sql<{ key: string; status: number }[]>`
      SELECT key, status FROM idempotency_keys WHERE workspace_id = ${ws.id}::uuid ORDER BY key`;
    expect(keys).toEqual([{ key: 'batch:end', status: 200 }, { key: 'batch:item-m3', status: 201 }, { key: 'batch:open', status: 201 }]);
    const counts = await ingestRowCounts(ws.id);
    const rollups = await hourlyTotals(ws.id);
    const conversation = await conversationRow(ws.id, 'c1');

    const again = await ingestBatch(ws.id, { batch });
    expect(again.results).toEqual(first.results);
    expect(await ingestRowCounts(ws.id)).toEqual(counts);
    expect(await hourlyTotals(ws.id)).toEqual(rollups);
    expect(await conversationRow(ws.id, 'c1')).toEqual(conversation);
    // A resent own-record item with changed content is still a no-op.
    const changed = await ingestBatch(ws.id, { batch: [{ id: 'm1', type: 'message', body: { conversationId: 'c1', id: 'm1', role: 'user', content: 'changed' } }] });
    expect(changed.results).toEqual([{ id: 'm1', status: 201 }]);
    expect((await messageRows(ws.id, 'c1')).map((m) => m.content)).toEqual(['hello', 'hi there', 'bye']);
    await expectRollupsConsistent(ws.id);
  });

  test('bad items get 422 with details while the others apply', async () => {
    const ws = await createTestWorkspace();
    const { results } = await ingestBatch(ws.id, {
      batch: [
        { id: 'ok-1', type: 'message', body: { conversationId: 'c', role: 'user', content: 'hi' } },
        { id: 'bad-1', type: 'message', body: { conversationId: 'c', role: 'robot', content: 'hi', tokens: { prompt: -3 } } },
        { id: 'bad-2', type: 'teleport', body: {} },
        { id: 'bad-3', type: 'event', body: { name: 'x', timestamp: 'not a date' } },
        42,
        { id: 'ok-2', type: 'message', body: { conversationId: 'c', role: 'assistant', content: 'hello' } },
      ],
    });
    expect(results.map((r) => [r.id, r.status])).toEqual([['ok-1', 201], ['bad-1', 422], ['bad-2', 422], ['bad-3', 422], [null, 422], ['ok-2', 201]]);
    expect(results[1].error?.details?.map((d) => d.path).sort()).toEqual(['body.role', 'body.tokens.prompt']);
    expect(results[2].error?.details?.map((d) => d.path)).toEqual(['type']);
    expect(results[3].error?.details?.map((d) => d.path)).toEqual(['body.timestamp']);
    expect((await conversationRow(ws.id, 'c'))!.message_count).toBe(2);

    // A fixed item sent again under its id is applied: failures are not recorded.
    const retry = await ingestBatch(ws.id, { batch: [{ id: 'bad-1', type: 'message', body: { conversationId: 'c', role: 'user', content: 'fixed' } }] });
    expect(retry.results).toEqual([{ id: 'bad-1', status: 201 }]);
    await expectRollupsConsistent(ws.id);
  });

  test('an id repeated inside a batch is applied once', async () => {
    const ws = await createTestWorkspace();
    const item = { id: 'dup', type: 'message', body: { conversationId: 'c', role: 'user', content: 'hi' } };
    const { results } = await ingestBatch(ws.id, { batch: [item, item] });
    expect(results).toEqual([{ id: 'dup', status: 201 }, { id: 'dup', status: 201 }]);
    expect((await conversationRow(ws.id, 'c'))!.message_count).toBe(1);
  });

  test('rejects a malformed envelope as a whole and writes nothing', async () => {
    const ws = await createTestWorkspace();
    const before = await ingestRowCounts(ws.id);
    for (const input of [null, [], { batch: 'x' }, { items: [] }, { batch: Array.from({ length: 1001 }, () => ({})) }]) {
      await expect(ingestBatch(ws.id, input)).rejects.toMatchObject({ status: 422 } satisfies Partial<ApiError>);
    }
    expect(await ingestRowCounts(ws.id)).toEqual(before);
    expect(await ingestBatch(ws.id, { batch: [] })).toEqual({ results: [] });
  });

  test('concurrent batches on the same conversations lose no updates', async () => {
    const ws = await createTestWorkspace();
    const conversations = ['c1', 'c2', 'c3'];
    const batches = Array.from({ length: 6 }, (_, b) => ({
      // Each batch walks the conversations in a different order.
      batch: Array.from({ length: 60 }, (_, i) => {
        const conversationId = conversations[(i + b) % conversations.length];
        const second = String((b * 60 + i) % 60).padStart(2, '0');
        return {
          id: `b${b}-${i}`,
          type: 'message',
          body: { conversationId, role: i % 2 ? 'assistant' : 'user', content: `message ${b}-${i}`, createdAt: `2024-05-01T1${b}:00:${second}Z`, tokens: { prompt: 1 } },
        };
      }),
    }));
    await Promise.all(batches.map((batch) => ingestBatch(ws.id, batch)));
    let total = 0;
    for (const id of conversations) total += ((await conversationRow(ws.id, id))!.message_count as number);
    expect(total).toBe(360);
    const tokens = await Promise.all(conversations.map(async (id) => (await conversationRow(ws.id, id))!.prompt_tokens as number));
    expect(tokens.reduce((a, b) => a + b, 0)).toBe(360);
    await expectRollupsConsistent(ws.id);
  });

  test('concurrent requests creating the same new conversation create it once and keep every message', async () => {
    const ws = await createTestWorkspace();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        ingestBatch(ws.id, {
          batch: [
            { id: `c-${i}`, type: 'conversation', body: { id: 'new', avatarId: 'bot' } },
            { id: `m-${i}`, type: 'message', body: { conversationId: 'new', role: 'user', content: `hello ${i}` } },
          ],
        }),
      ),
    );
    expect(results.filter((r) => r.results[0].status === 201)).toHaveLength(1);
    expect(results.every((r) => r.results[1].status === 201)).toBe(true);
    expect(await conversationRow(ws.id, 'new')).toMatchObject({ message_count: 8, user_message_count: 8, avatar_id: 'bot' });
    await expectRollupsConsistent(ws.id);
  });
});
