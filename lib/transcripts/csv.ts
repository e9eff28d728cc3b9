/**
 * CSV exports that stream in constant memory: conversations are read in keyset pages, each page is
 * stringified (csv-stringify) and handed to the client before the next is read, as fast as it reads.
 */
import { stringify } from 'csv-stringify/sync';
import { selectConversationPage, type ListedConversationRow } from '@/db/queries/transcripts-list';
import { selectMessagesOfConversations, type MessageExportRow } from '@/db/queries/transcripts-read';
import type { TranscriptFilters } from './filters';

type Cell = string | number | boolean | null;

/** Spreadsheets run cells that begin with these as formulas; a leading quote makes them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCell(value: Cell): string | number {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const CONVERSATION_COLUMNS = [
  'id', 'avatar_id', 'avatar_name', 'customer_id', 'status', 'started_at', 'ended_at', 'duration_s', 'messages',
  'user_messages', 'assistant_messages', 'prompt_tokens', 'completion_tokens', 'sentiment_score', 'sentiment_label',
  'escalated', 'goal_reached', 'device', 'source', 'language', 'country', 'feedback', 'first_user_message',
];

const MESSAGE_COLUMNS = [
  'conversation_id', 'avatar_id', 'customer_id', 'conversation_started_at', 'message_id', 'role', 'created_at', 'content',
  'prompt_tokens', 'completion_tokens', 'response_time_ms', 'sentiment_score', 'sentiment_label',
];

function conversationCells(r: ListedConversationRow): Cell[] {
  return [
    r.id, r.avatar_id, r.avatar_name, r.customer_id, r.status, r.started_at.toISOString(), r.ended_at?.toISOString() ?? null,
    r.duration_s, r.message_count, r.user_message_count, r.assistant_message_count, r.prompt_tokens, r.completion_tokens,
    r.sentiment_score, r.sentiment_label, r.escalated, r.goal_reached, r.device, r.source, r.language, r.country, r.feedback,
    r.first_user_message,
  ];
}

function messageCells(c: ListedConversationRow, m: MessageExportRow): Cell[] {
  return [
    c.id, c.avatar_id, c.customer_id, c.started_at.toISOString(), m.id, m.role, m.created_at.toISOString(), m.content,
    m.prompt_tokens, m.completion_tokens, m.response_time_ms, m.sentiment_score, m.sentiment_label,
  ];
}

const toCsv = (rows: Cell[][]) => stringify(rows.map((row) => row.map(escapeCell)), { record_delimiter: '\r\n' });

type PageRows = (rows: ListedConversationRow[]) => Promise<Cell[][]>;

function csvStream(workspaceId: string, filters: TranscriptFilters, header: string[], pageSize: number, toRows: PageRows) {
  const encoder = new TextEncoder();
  let after: { key: string; id: string; direction: 'next' } | undefined;
  let headerSent = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(toCsv([header])));
        return;
      }
      // A pull that enqueues nothing is not called again, so read on until a page yields rows or the end.
      while (!done) {
        const page = await selectConversationPage(workspaceId, filters, { sort: filters.sort, order: filters.order, limit: pageSize, after });
        if (page.length < pageSize) done = true;
        if (page.length === 0) break;
        const last = page[page.length - 1];
        after = { key: last.sort_key, id: last.id, direction: 'next' };
        const rows = await toRows(page);
        if (rows.length > 0) {
          controller.enqueue(encoder.encode(toCsv(rows)));
          break;
        }
      }
      if (done) controller.close();
    },
  }, { highWaterMark: 1 });
}

/** One row per conversation matching `filters`, in the filters' sort order. */
export function streamConversationsCsv(workspaceId: string, filters: TranscriptFilters, pageSize = 1000) {
  return csvStream(workspaceId, filters, CONVERSATION_COLUMNS, pageSize, async (page) => page.map(conversationCells));
}

/** One row per message of the conversations matching `filters`, conversation by conversation. */
export function streamMessagesCsv(workspaceId: string, filters: TranscriptFilters, pageSize = 200) {
  return csvStream(workspaceId, filters, MESSAGE_COLUMNS, pageSize, async (page) => {
    const byId = new Map(page.map((c) => [c.id, c]));
    const messages = await selectMessagesOfConversations(workspaceId, page.map((c) => c.id));
    return messages.map((m) => messageCells(byId.get(m.conversation_id)!, m));
  });
}

export function csvFilename(kind: 'conversations' | 'messages', filters: TranscriptFilters, today = new Date()): string {
  const range = filters.start || filters.end ? `${filters.start ?? 'start'}_${filters.end ?? 'end'}` : (filters.period ?? today.toISOString().slice(0, 10));
  return `confab-${kind}-${range}.csv`;
}
