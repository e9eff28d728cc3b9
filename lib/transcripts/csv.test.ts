import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { createTestWorkspace } from '@/test/factories';
import { parseCsvRecords } from '@/test/parse-csv';
import { escapeCell, streamConversationsCsv, streamMessagesCsv } from './csv';
import { transcriptFiltersSchema } from './filters';
import { seedConversation } from './test-data';

afterAll(closeDb);

const read = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

test('cells that a spreadsheet would run as formulas are quoted', () => {
  expect(escapeCell('=SUM(A1)')).toBe("'=SUM(A1)");
  expect(escapeCell('+1')).toBe("'+1");
  expect(escapeCell('-2')).toBe("'-2");
  expect(escapeCell('@cmd')).toBe("'@cmd");
  expect(escapeCell('\tx')).toBe("'\tx");
  expect(escapeCell('\rx')).toBe("'\rx");
  expect(escapeCell('a=b')).toBe('a=b');
  expect(escapeCell(-0.5)).toBe(-0.5);
  expect(escapeCell(null)).toBe('');
});

test('exports stream every matching row with a header, escaped and in UTF-8', async () => {
  const ws = (await createTestWorkspace()).id;
  const tricky = 'Hello, "world"\nnew line';
  await seedConversation(ws, { id: 'c1', startedAt: '2024-02-01T10:00:00Z', customerId: '=HYPERLINK("x")', messages: [['user', tricky, 1], ['assistant', '=1+1', 2]] });
  await seedConversation(ws, { id: 'c2', startedAt: '2024-02-02T10:00:00Z', source: 'web', messages: [['user', 'Привет, 你好 — مرحبا', 1]] });
  for (let i = 0; i < 5; i++) await seedConversation(ws, { id: `n${i}`, startedAt: '2024-01-01T00:00:00Z', source: 'web' });

  const all = await read(streamConversationsCsv(ws, transcriptFiltersSchema.parse({ start: '2024-02-01', end: '2024-02-28' }), 1));
  const rows = parseCsvRecords(all);
  expect(rows.map((r) => r.id)).toEqual(['c2', 'c1']);
  expect(rows[1].first_user_message).toBe(tricky);
  expect(rows[1].customer_id).toBe('\'=HYPERLINK("x")');
  expect(rows[0].first_user_message).toBe('Привет, 你好 — مرحبا');
  expect(all.split('\r\n')[0]).toMatch(/^id,avatar_id,avatar_name,/);

  const web = parseCsvRecords(await read(streamConversationsCsv(ws, transcriptFiltersSchema.parse({ source: 'web' }), 2)));
  expect(web).toHaveLength(6);

  const messages = parseCsvRecords(await read(streamMessagesCsv(ws, transcriptFiltersSchema.parse({ sort: 'startedAt', order: 'asc' }), 1)));
  expect(messages.map((m) => [m.conversation_id, m.role, m.content])).toEqual([
    ['c1', 'user', tricky],
    ['c1', 'assistant', "'=1+1"],
    ['c2', 'user', 'Привет, 你好 — مرحبا'],
  ]);
});

test('an export with no matches is just the header', async () => {
  const ws = (await createTestWorkspace()).id;
  const text = await read(streamConversationsCsv(ws, transcriptFiltersSchema.parse({})));
  expect(text.trim().split('\r\n')).toHaveLength(1);
});
