import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { createTestWorkspace } from '@/test/factories';
import { parseCsv, parseCsvRecords } from '@/test/parse-csv';
import { EXPORT_COLUMNS } from '@/db/queries/transcripts-export';
import { selectConversationPage } from '@/db/queries/transcripts-list';
import { escapeCell, toCsv } from '@/test/csv-reference';
import { crlfRecordEnds, streamCsv } from './csv';
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

test('every cell survives an RFC 4180 reader, bare line breaks included', () => {
  const rows = [
    ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', '', null, 0, -1.5, 2e-7, true, false, ' padded ', '=1+1', 'Привет, 你好'],
    ['"', '""', ',', '\r\n', "'", ';', '\t', 'x'],
  ];
  const text = toCsv(rows);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(parseCsv(text)).toEqual(rows.map((row) => row.map((cell) => String(escapeCell(cell)))));
  // csv-stringify, used before, left a lone \n or \r unquoted with a CRLF record delimiter, splitting the record.
  expect(text).toContain('"two\nlines"');
});

test('timestamps read as Date#toISOString prints them: UTC, milliseconds', async () => {
  const ws = (await createTestWorkspace()).id;
  await seedConversation(ws, { id: 'c1', startedAt: '2024-02-01T10:00:00.250Z', messages: [['user', 'hi', 1]], endAfter: 90 });
  await seedConversation(ws, { id: 'c2', startedAt: '2024-02-01T11:00:00Z', messages: [['user', 'hi', 1]] });
  // Microseconds (as Postgres's now() writes them) are cut to milliseconds, as a Date holds them.
  await sql`UPDATE conversations SET started_at = '2024-02-01T11:00:00.999999Z' WHERE workspace_id = ${ws}::uuid AND id = 'c2'`;
  const rows = parseCsvRecords(await read(streamCsv(ws, transcriptFiltersSchema.parse({ sort: 'startedAt', order: 'asc' }), 'conversations')));
  expect(rows.map((r) => [r.id, r.started_at, r.ended_at, r.duration_s])).toEqual([
    ['c1', '2024-02-01T10:00:00.250Z', '2024-02-01T10:01:30.250Z', '90'],
    ['c2', '2024-02-01T11:00:00.999Z', '', ''],
  ]);
});

test('Postgres writes conversation records byte for byte as the JS encoder would', async () => {
  const ws = (await createTestWorkspace()).id;
  await seedConversation(ws, {
    id: 'c,1 "x"', startedAt: '2024-02-01T10:00:00.250Z', customerId: '-42', source: 'a,b', language: 'en', device: 'mobile', ip: '8.8.8.8',
    messages: [['user', 'Great, thanks!\ntwo lines', 1], ['assistant', 'ok', 2], ['user', 'meh', 5]], endAfter: 90.5, escalated: true,
  });
  await seedConversation(ws, { id: 'plain', startedAt: '2024-02-01T11:00:00Z', customerId: '@x', messages: [['user', '=1+1, "quoted"\r\nand more', 1]] });
  await seedConversation(ws, { id: 'visit', startedAt: '2024-02-01T12:00:00Z' });
  await sql`UPDATE avatars SET name = 'Bot, "the" =best' WHERE workspace_id = ${ws}::uuid`;
  await sql`UPDATE conversations SET feedback = '+1 great' WHERE workspace_id = ${ws}::uuid AND id = 'plain'`;
  await sql`UPDATE conversations SET feedback = ${'\tleads with a tab\rand a lone CR'} WHERE workspace_id = ${ws}::uuid AND id = 'visit'`;
  await sql`UPDATE conversations SET source = ${'\rleads with a CR'}, language = '' WHERE workspace_id = ${ws}::uuid AND id = 'visit'`;
  const filters = transcriptFiltersSchema.parse({});
  const rows = await selectConversationPage(ws, filters, { sort: 'startedAt', order: 'desc', limit: 10 });
  const expected = rows.map((r) => [
    r.id, r.avatar_id, r.avatar_name, r.customer_id, r.status, r.started_at.toISOString(), r.ended_at?.toISOString() ?? null,
    r.duration_s, r.message_count, r.user_message_count, r.assistant_message_count, r.prompt_tokens, r.completion_tokens,
    r.sentiment_score, r.sentiment_label, r.escalated, r.goal_reached, r.device, r.source, r.language, r.country, r.feedback,
    r.first_user_message,
  ]);
  expect(await read(streamCsv(ws, filters, 'conversations'))).toBe(toCsv([EXPORT_COLUMNS.conversations, ...expected]));
});

test('Postgres writes message records byte for byte as the JS encoder would', async () => {
  const ws = (await createTestWorkspace()).id;
  await seedConversation(ws, {
    id: 'c1', startedAt: '2024-02-01T10:00:00.250Z', customerId: '-42',
    messages: [['user', 'Great, thanks!\ntwo "lines"', 1], ['assistant', '=1+1', 2.5], ['user', '@you: Привет 你好', 5], ['assistant', '', 6]],
  });
  await seedConversation(ws, { id: 'c0', startedAt: '2024-02-01T09:00:00Z', messages: [['user', '+1\r\n', 1], ['user', 'same time', 1]] });
  type M = { id: string; role: string; created_at: Date; content: string; prompt_tokens: number; completion_tokens: number; response_time_ms: number | null; sentiment_score: number | null; sentiment_label: string | null };
  const messages = await sql<(M & { conversation_id: string; customer_id: string | null; avatar_id: string; started_at: Date })[]>`
    SELECT m.conversation_id, c.avatar_id, c.customer_id, c.started_at, m.id, m.role, m.created_at, m.content, m.prompt_tokens,
      m.completion_tokens, m.response_time_ms, m.sentiment_score, m.sentiment_label
    FROM messages m JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
    WHERE m.workspace_id = ${ws}::uuid ORDER BY c.started_at DESC, m.created_at, m.id COLLATE "C"`;
  expect(messages).toHaveLength(6);
  const expected = messages.map((m) => [
    m.conversation_id, m.avatar_id, m.customer_id, m.started_at.toISOString(), m.id, m.role, m.created_at.toISOString(), m.content,
    m.prompt_tokens, m.completion_tokens, m.response_time_ms, m.sentiment_score, m.sentiment_label,
  ]);
  expect(await read(streamCsv(ws, transcriptFiltersSchema.parse({}), 'messages'))).toBe(toCsv([EXPORT_COLUMNS.messages, ...expected]));
});

test('exports stream every matching row with a header, escaped and in UTF-8', async () => {
  const ws = (await createTestWorkspace()).id;
  const tricky = 'Hello, "world"\nnew line';
  await seedConversation(ws, { id: 'c1', startedAt: '2024-02-01T10:00:00Z', customerId: '=HYPERLINK("x")', messages: [['user', tricky, 1], ['assistant', '=1+1', 2]] });
  await seedConversation(ws, { id: 'c2', startedAt: '2024-02-02T10:00:00Z', source: 'web', messages: [['user', 'Привет, 你好 — مرحبا', 1]] });
  for (let i = 0; i < 5; i++) await seedConversation(ws, { id: `n${i}`, startedAt: '2024-01-01T00:00:00Z', source: 'web' });

  const all = await read(streamCsv(ws, transcriptFiltersSchema.parse({ start: '2024-02-01', end: '2024-02-28' }), 'conversations'));
  const rows = parseCsvRecords(all);
  expect(rows.map((r) => r.id)).toEqual(['c2', 'c1']);
  expect(rows[1].first_user_message).toBe(tricky);
  expect(rows[1].customer_id).toBe('\'=HYPERLINK("x")');
  expect(rows[0].first_user_message).toBe('Привет, 你好 — مرحبا');
  expect(all.split('\r\n')[0]).toMatch(/^id,avatar_id,avatar_name,/);

  const web = parseCsvRecords(await read(streamCsv(ws, transcriptFiltersSchema.parse({ source: 'web' }), 'conversations')));
  expect(web).toHaveLength(6);

  const messages = parseCsvRecords(await read(streamCsv(ws, transcriptFiltersSchema.parse({ sort: 'startedAt', order: 'asc' }), 'messages')));
  expect(messages.map((m) => [m.conversation_id, m.role, m.content])).toEqual([
    ['c1', 'user', tricky],
    ['c1', 'assistant', "'=1+1"],
    ['c2', 'user', 'Привет, 你好 — مرحبا'],
  ]);
});

/** 3,001 conversations, about 1.2 MB of CSV: a COPY is still sending after the first chunk is read. */
async function seedBulk(ws: string) {
  await seedConversation(ws, { id: 'c0', startedAt: '2024-02-01T10:00:00Z', messages: [['user', 'hello', 1]] });
  await sql`
    INSERT INTO conversations (workspace_id, id, avatar_id, started_at, last_activity_at, first_user_message)
    SELECT workspace_id, 'bulk-' || n, avatar_id, started_at - n * interval '1 second', started_at, repeat('x', 400)
    FROM conversations, generate_series(1, 3000) n WHERE workspace_id = ${ws}::uuid AND id = 'c0'`;
}

test('a client that stops reading ends the export and its COPY', async () => {
  const ws = (await createTestWorkspace()).id;
  await seedBulk(ws);
  const reader = streamCsv(ws, transcriptFiltersSchema.parse({}), 'conversations').getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^id,avatar_id,/);
  const first = await reader.read();
  expect(first.done).toBe(false);
  expect(first.value!.length).toBeGreaterThan(60_000);
  await expect(reader.cancel()).resolves.toBeUndefined();
  // The export's connection is gone, and the pool serves queries as before.
  // (Only this export's COPY: it names the workspace as a literal. Other test files export in parallel, and a
  // cancelled backend may take a moment to leave pg_stat_activity.)
  const running = async () =>
    (await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE state <> 'idle' AND query LIKE '%COPY (%' AND position(${ws} IN query) > 0 AND pid <> pg_backend_pid()`)[0].n;
  let copies = await running();
  for (let i = 0; i < 30 && copies > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    copies = await running();
  }
  expect(copies).toBe(0);
  expect(await sql`SELECT 1 AS one`).toEqual([{ one: 1 }]);
});

test('exports beyond DATABASE_DEDICATED_CONNECTIONS wait for a connection, and one given up while waiting lets go of it', async () => {
  const ws = (await createTestWorkspace()).id;
  await seedBulk(ws);
  const previous = process.env.DATABASE_DEDICATED_CONNECTIONS;
  process.env.DATABASE_DEDICATED_CONNECTIONS = '1';
  try {
    const first = streamCsv(ws, transcriptFiltersSchema.parse({}), 'conversations').getReader();
    await first.read(); // the header
    await first.read(); // records: the COPY holds the one connection
    const second = streamCsv(ws, transcriptFiltersSchema.parse({}), 'conversations').getReader();
    await second.read(); // its header; its COPY waits
    const waiting = second.read();
    const early = await Promise.race([waiting.then(() => 'read'), new Promise((r) => setTimeout(() => r('waiting'), 300))]);
    expect(early).toBe('waiting');
    // A third export is given up while it waits: it must not keep the connection when it gets one.
    const third = streamCsv(ws, transcriptFiltersSchema.parse({}), 'conversations').getReader();
    await third.read();
    const thirdWaiting = third.read().catch(() => undefined);
    await third.cancel();
    await first.cancel();
    expect((await waiting).done).toBe(false);
    let rows = 0;
    for (let r = await second.read(); !r.done; r = await second.read()) rows += new TextDecoder().decode(r.value).split('\r\n').length - 1;
    await thirdWaiting;
    // Every connection was let go: a fresh export gets one at once and reads to its end.
    const again = parseCsvRecords(await read(streamCsv(ws, transcriptFiltersSchema.parse({}), 'conversations')));
    expect(again).toHaveLength(3001);
    expect(rows).toBeGreaterThan(0);
  } finally {
    if (previous === undefined) delete process.env.DATABASE_DEDICATED_CONNECTIONS;
    else process.env.DATABASE_DEDICATED_CONNECTIONS = previous;
  }
});

test('record ends become CRLF wherever the chunks split, line breaks inside quoted cells kept', () => {
  const copy = 'a,"x\ny",b\n"say ""hi""\n",,\n"",c,"\r\n"\nlast,"""",\n';
  const expected = 'a,"x\ny",b\r\n"say ""hi""\n",,\r\n"",c,"\r\n"\r\nlast,"""",\r\n';
  for (let i = 0; i <= copy.length; i++) {
    for (let j = i; j <= copy.length; j++) {
      const toCrlf = crlfRecordEnds();
      const parts = [copy.slice(0, i), copy.slice(i, j), copy.slice(j)].map((p) => toCrlf(Buffer.from(p)));
      expect(Buffer.concat(parts).toString()).toBe(expected);
    }
  }
});

test('an export with no matches is just the header', async () => {
  const ws = (await createTestWorkspace()).id;
  const text = await read(streamCsv(ws, transcriptFiltersSchema.parse({}), 'conversations'));
  expect(text.trim().split('\r\n')).toHaveLength(1);
});
