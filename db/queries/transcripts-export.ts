/**
 * The CSV exports, each one `COPY (SELECT …) TO STDOUT WITH (FORMAT csv)`: the list's filters and order,
 * every cell written by Postgres as the reference encoder test/csv-reference.ts would (ISO timestamps,
 * true/false, formula-leading text prefixed with a quote, NULL and '' both empty). COPY takes no bind
 * parameters, so filter values go in as quoted literals. Reading the same conversations as keyset pages
 * of values and encoding them in Node took 2.3× as long as the COPY itself, and messages read per page
 * of conversations ran at a tenth of a COPY's rows per second (`npm run bench -- transcripts`).
 * The embedded server (PGlite) runs a statement to its end before it sends anything, so there an export's
 * output passes through memory whole (measured: +100 MiB for 300,000 conversations); keyset pages were no
 * better there (its sorts grow the same heap) and 17× slower.
 */
import type { Readable } from 'node:stream';
import type { TranscriptFilters } from '@/lib/transcripts/filters';
import { openDedicatedClient, sql } from '../index';
import { keysetPageSql, literal } from './transcripts-list';

/** Characters that make a spreadsheet run a cell as a formula when they lead it: = + - @ tab CR. */
const FORMULA_CODES = ['=', '+', '-', '@', '\t', '\r'].map((c) => c.charCodeAt(0)).join(', ');
/** Free text: prefixed with a quote when it leads with a formula character (ascii() is ~4× cheaper than left()). */
const text = (name: string, expr: string) => ({
  name,
  expr: `CASE WHEN ascii(${expr}) IN (${FORMULA_CODES}) THEN '''' || ${expr} ELSE nullif(${expr}, '') END`,
});
/** Numbers, booleans and enums, as their text (booleans as true/false rather than COPY's t/f). */
const plain = (name: string, expr: string) => ({ name, expr: `(${expr})::text` });
/** ISO 8601 in UTC with milliseconds, as Date#toISOString prints it. */
const iso = (name: string, column: string) => ({ name, expr: `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` });

type ExportShape = {
  /** In CSV column order. */
  columns: { name: string; expr: string }[];
  /** Joined to the filtered conversations `c`. */
  join: string;
  /** Ordered after the conversations' own order. */
  thenBy: string;
};

const EXPORTS = {
  /** One row per conversation. */
  conversations: {
    columns: [
      text('id', 'c.id'),
      text('avatar_id', 'c.avatar_id'),
      text('avatar_name', 'a.name'),
      text('customer_id', 'c.customer_id'),
      plain('status', 'c.status'),
      iso('started_at', 'c.started_at'),
      iso('ended_at', 'c.ended_at'),
      plain('duration_s', 'extract(epoch FROM c.ended_at - c.started_at)::float8'),
      plain('messages', 'c.message_count'),
      plain('user_messages', 'c.user_message_count'),
      plain('assistant_messages', 'c.assistant_message_count'),
      plain('prompt_tokens', 'c.prompt_tokens'),
      plain('completion_tokens', 'c.completion_tokens'),
      plain('sentiment_score', 'c.sentiment_score'),
      plain('sentiment_label', 'c.sentiment_label'),
      plain('escalated', 'c.escalated'),
      plain('goal_reached', 'c.goal_reached'),
      plain('device', 'c.device'),
      text('source', 'c.source'),
      text('language', 'c.language'),
      text('country', 'c.country'),
      text('feedback', 'c.feedback'),
      text('first_user_message', 'c.first_user_message'),
    ],
    join: 'LEFT JOIN avatars a ON a.workspace_id = c.workspace_id AND a.id = c.avatar_id',
    thenBy: '',
  },
  /** One row per message, conversation by conversation, each in time order. */
  messages: {
    columns: [
      text('conversation_id', 'c.id'),
      text('avatar_id', 'c.avatar_id'),
      text('customer_id', 'c.customer_id'),
      iso('conversation_started_at', 'c.started_at'),
      text('message_id', 'm.id'),
      plain('role', 'm.role'),
      iso('created_at', 'm.created_at'),
      text('content', 'm.content'),
      plain('prompt_tokens', 'm.prompt_tokens'),
      plain('completion_tokens', 'm.completion_tokens'),
      plain('response_time_ms', 'm.response_time_ms'),
      plain('sentiment_score', 'm.sentiment_score'),
      plain('sentiment_label', 'm.sentiment_label'),
    ],
    join: 'JOIN messages m ON m.workspace_id = c.workspace_id AND m.conversation_id = c.id',
    thenBy: ', m.created_at, m.id COLLATE "C"',
  },
} satisfies Record<string, ExportShape>;

export type ExportRows = keyof typeof EXPORTS;

/** The header of each export. */
export const EXPORT_COLUMNS = Object.fromEntries(Object.entries(EXPORTS).map(([rows, e]) => [rows, e.columns.map((c) => c.name)])) as Record<
  ExportRows,
  string[]
>;

export type CopyStream = {
  /** Records as COPY writes them: no header, each ended by LF (line breaks inside cells are quoted). */
  records: Readable;
  /** Ends the export's connection; safe to call twice, and before the records are read to their end. */
  close: () => Promise<void>;
};

/**
 * Starts the COPY of the conversations matching `filters` (or of their messages), in the filters' sort
 * order, on a connection of its own: one statement sees one snapshot, so rows that arrive meanwhile
 * neither split nor repeat the export.
 */
export async function copyCsv(workspaceId: string, filters: TranscriptFilters, rows: ExportRows): Promise<CopyStream> {
  const shape: ExportShape = EXPORTS[rows];
  const { where, orderBy } = keysetPageSql(workspaceId, filters, { sort: filters.sort, order: filters.order, limit: 0 }, literal);
  const client = await openDedicatedClient();
  try {
    const records = await client.sql`
      COPY (
        SELECT ${sql.unsafe(shape.columns.map((c) => c.expr).join(',\n'))}
        FROM conversations c
        ${sql.unsafe(shape.join)}
        WHERE ${where}
        ORDER BY ${orderBy}${sql.unsafe(shape.thenBy)}
      ) TO STDOUT WITH (FORMAT csv)`.readable();
    // Ending the connection mid-COPY destroys the stream with an error nobody is reading for any more.
    const close = async () => {
      records.on('error', () => undefined);
      await client.end();
    };
    return { records, close };
  } catch (error) {
    await client.end();
    throw error;
  }
}
