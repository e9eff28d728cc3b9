/**
 * CSV exports that stream in constant memory: conversations are read in keyset pages, each page is turned
 * into CSV and handed to the client before more is read, as fast as it reads; the next page is already
 * being read meanwhile. Cells are escaped against formulas and quoted (RFC 4180) when they hold a comma,
 * a quote or a line break — here rather than by csv-stringify, which left a lone \n unquoted and whose
 * per-cell cost made a million-row export five times slower than COPY (`npm run bench -- transcripts`).
 */
import {
  CONVERSATION_EXPORT_COLUMNS,
  CONVERSATION_EXPORT_FIELD_IS_TEXT,
  selectConversationExportPage,
  type ExportFields,
} from '@/db/queries/transcripts-export';
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

/** One cell as CSV: escaped against formulas, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: Cell): string {
  const v = escapeCell(value);
  if (typeof v === 'number') return String(v);
  return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
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

const MESSAGE_COLUMNS = [
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

/** Conversation rows as read by selectConversationExportPage: free-text fields escaped here, the rest as written. */
function conversationRecords(rows: ExportFields[]): string {
  const isText = CONVERSATION_EXPORT_FIELD_IS_TEXT;
  let out = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < isText.length; i++) line += `${i === 0 ? '' : ','}${isText[i] ? csvCell(row[i]) : row[i]}`;
    out += `${line}\r\n`;
  }
  return out;
}

/** One row per conversation matching `filters`, in the filters' sort order. */
export function streamConversationsCsv(workspaceId: string, filters: TranscriptFilters, pageSize = 5000) {
  const readPage = (after: After) => selectConversationExportPage(workspaceId, filters, keyset(filters, pageSize, after));
  return csvStream(CONVERSATION_EXPORT_COLUMNS, pageSize, readPage, async (rows) => conversationRecords(rows));
}

/** One row per message of the conversations matching `filters`, conversation by conversation. */
export function streamMessagesCsv(workspaceId: string, filters: TranscriptFilters, pageSize = 200) {
  const readPage = async (after: After): Promise<Page<ListedConversationRow>> => {
    const rows = await selectConversationPage(workspaceId, filters, keyset(filters, pageSize, after));
    const tail = rows[rows.length - 1];
    return { rows, last: tail ? { key: tail.sort_key, id: tail.id } : null };
  };
  return csvStream(MESSAGE_COLUMNS, pageSize, readPage, async (page) => {
    const byId = new Map(page.map((c) => [c.id, c]));
    const messages = await selectMessagesOfConversations(workspaceId, page.map((c) => c.id));
    return toCsv(messages.map((m) => messageCells(byId.get(m.conversation_id)!, m)));
  });
}

export function csvFilename(kind: 'conversations' | 'messages', filters: TranscriptFilters, today = new Date()): string {
  const range = filters.start || filters.end ? `${filters.start ?? 'start'}_${filters.end ?? 'end'}` : (filters.period ?? today.toISOString().slice(0, 10));
  return `confab-${kind}-${range}.csv`;
}
