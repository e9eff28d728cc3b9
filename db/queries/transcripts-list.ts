/**
 * Conversation lists for transcripts: the filters as one WHERE (tenant first), and keyset pages in any
 * of the four sorts. Rows are ordered by (sort key, id COLLATE "C") so ties never split or repeat.
 */
import type { PendingQuery, Row } from 'postgres';
import type { TranscriptFilters, TranscriptSort } from '@/lib/transcripts/filters';
import { sql } from '../index';
import { escalationReasonOf } from './analytics-escalations';

type Fragment = PendingQuery<Row[]>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const PERIOD_UNITS = { h: 'hours', d: 'days', w: 'weeks' } as const;

/** How a filter value enters the SQL: a bind parameter, or a quoted literal where none can be bound (COPY). */
export type Bind = (value: string | boolean) => Fragment;
const param: Bind = (value) => sql`${value}`;

/**
 * A string as an escape-string literal, which reads the same whatever standard_conforming_strings says
 * (libpq's PQescapeLiteral does the same). A NUL could end the statement's text early, so it is refused.
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('a NUL character cannot be written as an SQL literal');
  return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
export const literal: Bind = (value) => sql.unsafe(typeof value === 'boolean' ? String(value) : quoteLiteral(value));

export function conversationWhere(workspaceId: string, f: TranscriptFilters, bind: Bind = param): Fragment {
  const parts: Fragment[] = [sql`c.workspace_id = ${bind(workspaceId)}::uuid`];
  const tz = sql`(SELECT w.timezone FROM workspaces w WHERE w.id = ${bind(workspaceId)}::uuid)`;
  if (f.start) parts.push(sql`c.started_at >= (${bind(f.start)}::date)::timestamp AT TIME ZONE ${tz}`);
  if (f.end) parts.push(sql`c.started_at < (${bind(f.end)}::date + 1)::timestamp AT TIME ZONE ${tz}`);
  if (f.period) {
    const n = Number(f.period.slice(0, -1));
    const unit = PERIOD_UNITS[f.period.slice(-1) as keyof typeof PERIOD_UNITS];
    parts.push(sql`c.started_at >= now() - (${bind(`${n} ${unit}`)})::interval`);
  }
  if (f.avatarId) parts.push(sql`c.avatar_id = ${bind(f.avatarId)}`);
  if (f.status) parts.push(sql`c.status = ${bind(f.status)}`);
  if (f.escalated !== undefined) parts.push(sql`c.escalated = ${bind(f.escalated)}`);
  if (f.escalationReason) parts.push(sql`c.escalated AND ${escalationReasonOf('c')} = ${bind(f.escalationReason)}`);
  if (f.goal === 'reached') parts.push(sql`c.goal_reached`);
  else if (f.goal === 'none') parts.push(sql`NOT c.goal_reached`);
  else if (f.goal) {
    parts.push(sql`EXISTS (SELECT 1 FROM goal_completions g
      WHERE g.workspace_id = c.workspace_id AND g.conversation_id = c.id AND g.goal_id = ${bind(f.goal)})`);
  }
  if (f.sentiment) parts.push(sql`c.sentiment_label = ${bind(f.sentiment)}`);
  if (f.device) parts.push(sql`c.device = ${bind(f.device)}`);
  if (f.source) parts.push(sql`c.source = ${bind(f.source)}`);
  if (f.language) parts.push(sql`lower(c.language) = lower(${bind(f.language)})`);
  if (f.country) parts.push(sql`c.country = ${bind(f.country)}`);
  if (f.customerId) parts.push(sql`c.customer_id = ${bind(f.customerId)}`);
  if (f.q) {
    parts.push(sql`EXISTS (SELECT 1 FROM messages m
      WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND m.content ILIKE ${bind(`%${escapeLike(f.q)}%`)})`);
  }
  return parts.reduce((a, b) => sql`${a} AND ${b}`);
}

/** The sort key as SQL, with its type for casting a cursor back; nulls placed last in either order. */
function sortKey(sort: TranscriptSort, order: 'asc' | 'desc'): { expr: Fragment; type: string } {
  switch (sort) {
    case 'duration':
      return { expr: sql`extract(epoch FROM coalesce(c.ended_at, c.last_activity_at) - c.started_at)`, type: 'numeric' };
    case 'messages':
      return { expr: sql`c.message_count`, type: 'int' };
    case 'sentiment':
      // NaN sorts above every number in Postgres, -Infinity below: either way unscored rows come last.
      return { expr: sql`coalesce(c.sentiment_score::float8, ${sql.unsafe(order === 'asc' ? "'NaN'" : "'-Infinity'")}::float8)`, type: 'float8' };
    default:
      return { expr: sql`c.started_at`, type: 'timestamptz' };
  }
}

export type ListedConversationRow = {
  id: string;
  avatar_id: string;
  avatar_name: string | null;
  customer_id: string | null;
  status: 'active' | 'ended';
  started_at: Date;
  ended_at: Date | null;
  duration_s: number | null;
  message_count: number;
  user_message_count: number;
  assistant_message_count: number;
  prompt_tokens: number;
  completion_tokens: number;
  sentiment_score: number | null;
  sentiment_label: 'positive' | 'neutral' | 'negative' | null;
  escalated: boolean;
  goal_reached: boolean;
  device: string | null;
  source: string | null;
  language: string | null;
  country: string | null;
  feedback: string | null;
  first_user_message: string | null;
  sort_key: string;
};

export type KeysetPage = {
  sort: TranscriptSort;
  order: 'asc' | 'desc';
  /** Rows strictly after (direction next) or before (prev) this position, in display order. */
  after?: { key: string; id: string; direction: 'next' | 'prev' };
  limit: number;
};

/** The WHERE (filters, then the keyset position) and ORDER BY of one keyset page, and its sort key as SQL. */
export function keysetPageSql(workspaceId: string, filters: TranscriptFilters, page: KeysetPage, bind: Bind = param) {
  const { expr, type } = sortKey(page.sort, page.order);
  const backwards = page.after?.direction === 'prev';
  const ascending = (page.order === 'asc') !== backwards;
  const dir = sql.unsafe(ascending ? 'ASC' : 'DESC');
  const keyset = page.after
    ? sql`AND (${expr}, c.id COLLATE "C") ${sql.unsafe(ascending ? '>' : '<')} (${page.after.key}::${sql.unsafe(type)}, ${page.after.id} COLLATE "C")`
    : sql``;
  return {
    sortKey: expr,
    where: sql`${conversationWhere(workspaceId, filters, bind)} ${keyset}`,
    orderBy: sql`${expr} ${dir}, c.id COLLATE "C" ${dir}`,
    backwards,
  };
}

export async function selectConversationPage(workspaceId: string, filters: TranscriptFilters, page: KeysetPage) {
  const { sortKey: expr, where, orderBy, backwards } = keysetPageSql(workspaceId, filters, page);
  const rows = await sql<ListedConversationRow[]>`
    SELECT c.id, c.avatar_id, a.name AS avatar_name, c.customer_id, c.status, c.started_at, c.ended_at,
      CASE WHEN c.ended_at IS NULL THEN NULL ELSE extract(epoch FROM c.ended_at - c.started_at)::float8 END AS duration_s,
      c.message_count, c.user_message_count, c.assistant_message_count, c.prompt_tokens::float8 AS prompt_tokens,
      c.completion_tokens::float8 AS completion_tokens, c.sentiment_score, c.sentiment_label, c.escalated, c.goal_reached,
      c.device, c.source, c.language, c.country, c.feedback, c.first_user_message, (${expr})::text AS sort_key
    FROM conversations c
    LEFT JOIN avatars a ON a.workspace_id = c.workspace_id AND a.id = c.avatar_id
    WHERE ${where}
    ORDER BY ${orderBy}
    LIMIT ${page.limit}`;
  return backwards ? [...rows].reverse() : [...rows];
}

/** The conversations just before and after `id` in the filtered, sorted list (for stepping in the viewer). */
export async function selectNeighbours(workspaceId: string, filters: TranscriptFilters, id: string) {
  const { expr } = sortKey(filters.sort, filters.order);
  const [row] = await sql<{ sort_key: string }[]>`
    SELECT (${expr})::text AS sort_key FROM conversations c WHERE c.workspace_id = ${workspaceId}::uuid AND c.id = ${id}`;
  if (!row) return { prev: null, next: null };
  const around = (direction: 'next' | 'prev') =>
    selectConversationPage(workspaceId, filters, { sort: filters.sort, order: filters.order, limit: 1, after: { key: row.sort_key, id, direction } });
  const [prev, next] = await Promise.all([around('prev'), around('next')]);
  return { prev: prev[0]?.id ?? null, next: next[0]?.id ?? null };
}
