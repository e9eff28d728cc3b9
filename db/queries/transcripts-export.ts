/**
 * Pages of the conversation CSV export: the list's filters and keyset order, each row read as a few text
 * fields. Postgres writes the cells that need no escaping (numbers, booleans, enums, timestamps), each run
 * of them joined into one field; free-text cells come back as they are, for lib/transcripts/csv.ts to escape
 * and quote. Reading 23 typed values per row into objects, and printing dates back, was most of what made a
 * big export several times slower than COPY.
 */
import type { TranscriptFilters } from '@/lib/transcripts/filters';
import { sql } from '../index';
import { keysetPageSql, type KeysetPage } from './transcripts-list';

const text = (name: string, expr: string) => ({ name, expr, text: true });
const plain = (name: string, expr: string) => ({ name, expr: `coalesce((${expr})::text, '')`, text: false });
/** ISO 8601 in UTC with milliseconds, as Date#toISOString prints it. */
const iso = (name: string, column: string) => plain(name, `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** In CSV column order; `id` comes first (the keyset reads it from field 0). */
const COLUMNS = [
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
];

/** The fields each row is read as: a text column each, or a run of plain columns joined by commas. */
const FIELDS = COLUMNS.reduce<{ text: boolean; exprs: string[] }[]>((fields, column) => {
  const previous = fields[fields.length - 1];
  if (!column.text && previous && !previous.text) previous.exprs.push(column.expr);
  else fields.push({ text: column.text, exprs: [column.expr] });
  return fields;
}, []);
const SELECT_LIST = FIELDS.map((f) => (f.text ? f.exprs[0] : `concat_ws(',', ${f.exprs.join(', ')})`)).join(', ');

export const CONVERSATION_EXPORT_COLUMNS = COLUMNS.map((c) => c.name);
/** Per field of a row: true when it is one free-text value (null for NULL) to escape, false when it is finished CSV. */
export const CONVERSATION_EXPORT_FIELD_IS_TEXT = FIELDS.map((f) => f.text);

export type ExportFields = (string | null)[];

/** The page's rows and the keyset position of its last row (null when it is empty); pages are read forwards. */
export async function selectConversationExportPage(workspaceId: string, filters: TranscriptFilters, page: KeysetPage) {
  const { sortKey, where, orderBy } = keysetPageSql(workspaceId, filters, page);
  const rows = (await sql`
    SELECT ${sql.unsafe(SELECT_LIST)}, (${sortKey})::text
    FROM conversations c
    LEFT JOIN avatars a ON a.workspace_id = c.workspace_id AND a.id = c.avatar_id
    WHERE ${where}
    ORDER BY ${orderBy}
    LIMIT ${page.limit}`.values()) as unknown as ExportFields[];
  const tail = rows[rows.length - 1];
  const last = tail ? { key: tail[FIELDS.length] as string, id: tail[0] as string } : null;
  for (const row of rows) row.pop(); // the sort key, read only for `last`
  return { rows, last };
}
