/**
 * CSV exports that stream in constant memory. Conversations come straight from a `COPY … TO STDOUT`
 * (db/queries/transcripts-export.ts writes every cell as csvCell would); messages are read in keyset
 * pages of conversations, each page turned into CSV and handed to the client before more is read, the
 * next page already being read meanwhile. Cells are escaped against formulas and quoted (RFC 4180) when
 * they hold a comma, a quote or a line break; records end with CRLF.
 */
import { CONVERSATION_EXPORT_COLUMNS, copyConversationsCsv, type CopyStream } from '@/db/queries/transcripts-export';
import { selectConversationPage, type KeysetPage, type ListedConversationRow } from '@/db/queries/transcripts-list';
import { selectMessagesOfConversations, type MessageExportRow } from '@/db/queries/transcripts-read';
import type { TranscriptFilters } from './filters';

type Cell = string | number | boolean | null;

/** Spreadsheets run cells that begin with these as formulas; a leading quote makes them text. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell holding any of these is quoted; a lone \n or \r too, or readers would split the record there. */
const NEEDS_QUOTES = /[",\r\n]/;

export function escapeCell(value: Cell): string | number {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Quoted when it holds a comma, a quote or a line break, as COPY … WITH (FORMAT csv) quotes. */
const quoteCell = (v: string) => (NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** One cell as CSV: escaped against formulas, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: Cell): string {
  const v = escapeCell(value);
  return typeof v === 'number' ? String(v) : quoteCell(v);
}

/** Records, each ended by CRLF. */
export function toCsv(rows: Cell[][]): string {
  let out = '';
  for (const row of rows) {
    let line = csvCell(row[0]);
    for (let i = 1; i < row.length; i++) line += `,${csvCell(row[i])}`;
    out += `${line}\r\n`;
  }
  return out;
}

export const MESSAGE_EXPORT_COLUMNS = [
  'conversation_id', 'avatar_id', 'customer_id', 'conversation_started_at', 'message_id', 'role', 'created_at', 'content',
  'prompt_tokens', 'completion_tokens', 'response_time_ms', 'sentiment_score', 'sentiment_label',
];

function messageCells(c: ListedConversationRow, m: MessageExportRow): Cell[] {
  return [
    c.id, c.avatar_id, c.customer_id, c.started_at.toISOString(), m.id, m.role, m.created_at.toISOString(), m.content,
    m.prompt_tokens, m.completion_tokens, m.response_time_ms, m.sentiment_score, m.sentiment_label,
  ];
}

type After = KeysetPage['after'];
type Page<R> = { rows: R[]; last: { key: string; id: string } | null };

/**
 * Reads keyset pages with `readPage` and writes each with `encode`. The next page is asked for as soon as a
 * page arrives, so Postgres reads it while Node encodes this one; at most two pages are held at a time.
 */
function csvStream<R>(header: string[], pageSize: number, readPage: (after: After) => Promise<Page<R>>, encode: (rows: R[]) => Promise<string>) {
  const encoder = new TextEncoder();
  let headerSent = false;
  let ahead: Promise<Page<R>> | null = null;
  const readAhead = (after: After) => {
    const page = readPage(after);
    page.catch(() => undefined); // a failure surfaces where the page is awaited (never, after a cancel)
    return page;
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        ahead = readAhead(undefined);
        controller.enqueue(encoder.encode(toCsv([header])));
        return;
      }
      // A pull that enqueues nothing is not called again, so read on until a page yields rows or the end.
      while (ahead) {
        const { rows, last } = await ahead;
        ahead = rows.length === pageSize && last ? readAhead({ ...last, direction: 'next' }) : null;
        const text = rows.length > 0 ? await encode(rows) : '';
        if (text) {
          controller.enqueue(encoder.encode(text));
          if (ahead) return;
        }
      }
      controller.close();
    },
    cancel() {
      ahead = null;
    },
  }, { highWaterMark: 1 });
}

const keyset = (filters: TranscriptFilters, limit: number, after: After): KeysetPage => ({ sort: filters.sort, order: filters.order, limit, after });

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * Turns COPY's LF record ends into CRLF, chunk by chunk, leaving line breaks inside quoted cells as they
 * are: a quote opens or closes a quoted cell ("" inside one toggles twice), so an LF outside an odd run of
 * quotes ends a record. The state carries over chunk boundaries.
 */
export function crlfRecordEnds(): (chunk: Uint8Array) => Uint8Array {
  let quoted = false;
  return (chunk) => {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const ends: number[] = [];
    let quote = buf.indexOf(QUOTE);
    for (let lf = buf.indexOf(LF); lf !== -1; lf = buf.indexOf(LF, lf + 1)) {
      for (; quote !== -1 && quote < lf; quote = buf.indexOf(QUOTE, quote + 1)) quoted = !quoted;
      if (!quoted) ends.push(lf);
    }
    for (; quote !== -1; quote = buf.indexOf(QUOTE, quote + 1)) quoted = !quoted;
    if (ends.length === 0) return chunk;
    const out = Buffer.allocUnsafe(buf.length + ends.length);
    let from = 0;
    let at = 0;
    for (const lf of ends) {
      at += buf.copy(out, at, from, lf);
      out[at++] = CR;
      out[at++] = LF;
      from = lf + 1;
    }
    buf.copy(out, at, from);
    return out;
  };
}

/** Chunks handed to the client: big enough that a million rows are a few thousand enqueues, not millions. */
const CHUNK_BYTES = 64 * 1024;

/** One row per conversation matching `filters`, in the filters' sort order: a header, then one COPY's records. */
export function streamConversationsCsv(workspaceId: string, filters: TranscriptFilters) {
  const toCrlf = crlfRecordEnds();
  let copy: CopyStream | null = null;
  let records: AsyncIterator<Buffer> | null = null;
  let cancelled = false;
  const stop = async () => {
    cancelled = true;
    await records?.return?.();
    await copy?.close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!copy) {
          controller.enqueue(new TextEncoder().encode(toCsv([CONVERSATION_EXPORT_COLUMNS])));
          // This may wait for a free export connection; the client may be gone by the time it has one.
          const opened = await copyConversationsCsv(workspaceId, filters);
          if (cancelled) return await opened.close();
          copy = opened;
          records = copy.records[Symbol.asyncIterator]();
          return;
        }
        const parts: Buffer[] = [];
        let size = 0;
        let done = false;
        while (size < CHUNK_BYTES && !done) {
          const next = await records!.next();
          if (next.done) {
            done = true;
          } else {
            parts.push(next.value);
            size += next.value.length;
          }
        }
        if (size > 0) controller.enqueue(toCrlf(parts.length === 1 ? parts[0] : Buffer.concat(parts, size)));
        if (done) {
          await copy.close();
          controller.close();
        }
      } catch (error) {
        await stop().catch(() => undefined);
        throw error;
      }
    },
    cancel: stop,
  }, { highWaterMark: 1 });
}

/** One row per message of the conversations matching `filters`, conversation by conversation. */
export function streamMessagesCsv(workspaceId: string, filters: TranscriptFilters, pageSize = 200) {
  const readPage = async (after: After): Promise<Page<ListedConversationRow>> => {
    const rows = await selectConversationPage(workspaceId, filters, keyset(filters, pageSize, after));
    const tail = rows[rows.length - 1];
    return { rows, last: tail ? { key: tail.sort_key, id: tail.id } : null };
  };
  return csvStream(MESSAGE_EXPORT_COLUMNS, pageSize, readPage, async (page) => {
    const byId = new Map(page.map((c) => [c.id, c]));
    const messages = await selectMessagesOfConversations(workspaceId, page.map((c) => c.id));
    return toCsv(messages.map((m) => messageCells(byId.get(m.conversation_id)!, m)));
  });
}

export function csvFilename(kind: 'conversations' | 'messages', filters: TranscriptFilters, today = new Date()): string {
  const range = filters.start || filters.end ? `${filters.start ?? 'start'}_${filters.end ?? 'end'}` : (filters.period ?? today.toISOString().slice(0, 10));
  return `confab-${kind}-${range}.csv`;
}
