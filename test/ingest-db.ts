/** Reads of stored ingest rows for assertions in tests. */
import { sql } from '@/db';

export async function conversationRow(workspaceId: string, id: string) {
  const [row] = await sql<Record<string, unknown>[]>`
    SELECT *, prompt_tokens::float8 AS prompt_tokens, completion_tokens::float8 AS completion_tokens
    FROM conversations WHERE workspace_id = ${workspaceId}::uuid AND id = ${id}`;
  return row ?? null;
}

export async function messageRows(workspaceId: string, conversationId: string) {
  return sql<{ id: string; role: string; created_at: Date; response_time_ms: number | null; sentiment_label: string | null; sentiment_score: number | null; content: string }[]>`
    SELECT id, role, content, created_at, response_time_ms, sentiment_label, sentiment_score FROM messages
    WHERE workspace_id = ${workspaceId}::uuid AND conversation_id = ${conversationId}
    ORDER BY created_at, id COLLATE "C"`;
}

/** Sums of rollup_hourly columns per UTC hour ('YYYY-MM-DD HH24') for the workspace. */
export async function hourlyTotals(workspaceId: string) {
  const rows = await sql<Record<string, number | string>[]>`
    SELECT to_char(bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') AS hour, avatar_id, conversations, interacted_conversations,
      messages, user_messages, assistant_messages, system_messages, prompt_tokens::float8 AS prompt_tokens,
      completion_tokens::float8 AS completion_tokens, response_time_sum_ms::float8 AS response_time_sum_ms,
      response_time_count, ended_conversations, duration_sum_s, escalated_conversations, positive_conversations,
      neutral_conversations, negative_conversations, sentiment_score_sum, feedback_positive, feedback_negative,
      rating_sum, rating_count
    FROM rollup_hourly WHERE workspace_id = ${workspaceId}::uuid ORDER BY bucket, avatar_id`;
  return rows;
}

/** One column summed over every rollup_hourly row of the workspace. */
export async function hourlySum(workspaceId: string, column: string): Promise<number> {
  const [row] = await sql<{ total: number }[]>`
    SELECT coalesce(sum(${sql(column)}), 0)::float8 AS total FROM rollup_hourly WHERE workspace_id = ${workspaceId}::uuid`;
  return row.total;
}

/** Row counts of every table the ingest API writes, to assert that a rejected request wrote nothing. */
export async function ingestRowCounts(workspaceId: string) {
  const [row] = await sql<Record<string, number>[]>`
    SELECT
      (SELECT count(*) FROM conversations WHERE workspace_id = ${workspaceId}::uuid)::int AS conversations,
      (SELECT count(*) FROM messages WHERE workspace_id = ${workspaceId}::uuid)::int AS messages,
      (SELECT count(*) FROM actions WHERE workspace_id = ${workspaceId}::uuid)::int AS actions,
      (SELECT count(*) FROM events WHERE workspace_id = ${workspaceId}::uuid)::int AS events,
      (SELECT count(*) FROM avatars WHERE workspace_id = ${workspaceId}::uuid)::int AS avatars,
      (SELECT count(*) FROM idempotency_keys WHERE workspace_id = ${workspaceId}::uuid)::int AS idempotency_keys,
      (SELECT count(*) FROM rollup_hourly WHERE workspace_id = ${workspaceId}::uuid)::int AS rollup_hourly,
      (SELECT count(*) FROM rollup_dimensions WHERE workspace_id = ${workspaceId}::uuid)::int AS rollup_dimensions,
      (SELECT count(*) FROM rollup_tools WHERE workspace_id = ${workspaceId}::uuid)::int AS rollup_tools,
      (SELECT count(*) FROM rollup_customers WHERE workspace_id = ${workspaceId}::uuid)::int AS rollup_customers`;
  return row;
}

/** Whether `needle` appears in any stored row of the workspace's ingest tables (e.g. a raw IP address). */
export async function storedAnywhere(workspaceId: string, needle: string): Promise<boolean> {
  const like = `%${needle}%`;
  const [row] = await sql<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM conversations t WHERE workspace_id = ${workspaceId}::uuid AND t::text LIKE ${like})
      OR EXISTS (SELECT 1 FROM messages t WHERE workspace_id = ${workspaceId}::uuid AND t::text LIKE ${like})
      OR EXISTS (SELECT 1 FROM events t WHERE workspace_id = ${workspaceId}::uuid AND t::text LIKE ${like})
      OR EXISTS (SELECT 1 FROM rollup_dimensions t WHERE workspace_id = ${workspaceId}::uuid AND t::text LIKE ${like}) AS found`;
  return row.found;
}
