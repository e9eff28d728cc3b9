import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { createTestWorkspace } from '@/test/factories';
import { transcriptFiltersSchema, type TranscriptSort } from './filters';
import { listConversations } from './list';
import { seedConversation } from './test-data';

afterAll(closeDb);

const base = Date.parse('2024-06-01T00:00:00Z');
const startAt = (i: number) => new Date(base + Math.floor(i / 3) * 60_000).toISOString(); // ties: three per minute

async function seed(ws: string, from: number, to: number) {
  for (let i = from; i < to; i++) {
    const messages: [string, string, number][] = Array.from({ length: (i % 4) + 1 }, (_, j) => [i % 5 === 0 ? 'assistant' : 'user', `msg ${j}`, j + 1]);
    await seedConversation(ws, { id: `c${String(i).padStart(3, '0')}`, startedAt: startAt(i), messages, endAfter: (i % 5) * 10 + 10 });
  }
}

async function walk(ws: string, sort: TranscriptSort, order: 'asc' | 'desc', between?: (page: number) => Promise<void>) {
  const filters = transcriptFiltersSchema.parse({ sort, order });
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const result = await listConversations(ws, filters, cursor, 4);
    seen.push(...result.data.map((c) => c.id));
    await between?.(page);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return seen;
}

test('cursor paging visits every row once, in every sort, with ties', async () => {
  const ws = (await createTestWorkspace()).id;
  await seed(ws, 0, 14);
  for (const sort of ['startedAt', 'duration', 'messages', 'sentiment'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      const all = (await listConversations(ws, transcriptFiltersSchema.parse({ sort, order }), null, 200)).data.map((c) => c.id);
      expect(all).toHaveLength(14);
      expect(await walk(ws, sort, order), `${sort} ${order}`).toEqual(all);
    }
  }
});

test('conversations arriving between pages cause no gaps or repeats', async () => {
  const ws = (await createTestWorkspace()).id;
  await seed(ws, 0, 12);
  const before = (await listConversations(ws, transcriptFiltersSchema.parse({}), null, 200)).data.map((c) => c.id);
  let next = 100;
  const seen = await walk(ws, 'startedAt', 'desc', async () => {
    await seed(ws, next, next + 2); // newer than everything: they belong before the pages already read
    next += 2;
  });
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toEqual(before);
});

test('previous pages lead back to the same rows', async () => {
  const ws = (await createTestWorkspace()).id;
  await seed(ws, 0, 10);
  const filters = transcriptFiltersSchema.parse({ sort: 'messages', order: 'desc' });
  const p1 = await listConversations(ws, filters, null, 4);
  expect(p1.prevCursor).toBeNull();
  const p2 = await listConversations(ws, filters, p1.nextCursor, 4);
  const p3 = await listConversations(ws, filters, p2.nextCursor, 4);
  expect(p3.data).toHaveLength(2);
  expect(p3.nextCursor).toBeNull();
  const back2 = await listConversations(ws, filters, p3.prevCursor, 4);
  expect(back2.data.map((c) => c.id)).toEqual(p2.data.map((c) => c.id));
  const back1 = await listConversations(ws, filters, back2.prevCursor, 4);
  expect(back1.data.map((c) => c.id)).toEqual(p1.data.map((c) => c.id));
  expect(back1.prevCursor).toBeNull();
  expect(back1.nextCursor).not.toBeNull();
});

test('a cursor from another sort, or garbage, is rejected', async () => {
  const ws = (await createTestWorkspace()).id;
  await seed(ws, 0, 3);
  const p1 = await listConversations(ws, transcriptFiltersSchema.parse({}), null, 1);
  await expect(listConversations(ws, transcriptFiltersSchema.parse({ sort: 'messages' }), p1.nextCursor, 1)).rejects.toMatchObject({ status: 422 });
  await expect(listConversations(ws, transcriptFiltersSchema.parse({}), 'not-a-cursor', 1)).rejects.toMatchObject({ status: 422 });
});

test('a forged cursor whose key or id would not cast is a 422, never a failed query', async () => {
  const ws = (await createTestWorkspace()).id;
  await seed(ws, 0, 3);
  const forge = (k: unknown, s: TranscriptSort, i: unknown = 'c000') =>
    Buffer.from(JSON.stringify({ k, i, s, o: 'desc', d: 'next' })).toString('base64url');
  const forged: [TranscriptSort, unknown, unknown?][] = [
    ['startedAt', 'x'],
    ['startedAt', '2024-02-30 00:00:00+00'],
    ['startedAt', '2024-06-01 25:00:00+00'],
    ['duration', '1e999'],
    ['duration', 'NaN'],
    ['messages', '99999999999'],
    ['messages', '-1'],
    ['sentiment', '1e400'],
    ['sentiment', '1e-400'],
    ['sentiment', 'nan; DROP TABLE conversations'],
    ['startedAt', '2024-06-01 00:00:00+00', 'c\u0000'],
    ['startedAt', '2024-06-01 00:00:00+00', '\ud800'],
    ['startedAt', 42],
  ];
  for (const [sort, key, id] of forged) {
    const filters = transcriptFiltersSchema.parse({ sort });
    await expect(listConversations(ws, filters, forge(key, sort, id), 1), `${sort} ${String(key)}`).rejects.toMatchObject({ status: 422 });
  }
  // Keys as the database prints them still page.
  for (const [sort, key] of [['startedAt', '2024-06-01 00:00:00+00'], ['duration', '20.000000'], ['messages', '3'], ['sentiment', '-Infinity'], ['sentiment', '0.25']] as const) {
    await expect(listConversations(ws, transcriptFiltersSchema.parse({ sort }), forge(key, sort), 1)).resolves.toBeDefined();
  }
});
