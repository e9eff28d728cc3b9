/**
 * The rollup invariant for tests: whatever happened, each rollup table must equal a from-scratch
 * aggregation of the base tables (conversations, messages, actions) of the workspace.
 */
import { expect } from 'vitest';
import { sql } from '@/db';

type Row = Record<string, string | number>;

const numeric = (rows: Row[], keyColumns: string[]) =>
  new Map(
    rows.map((r) => [
      keyColumns.map((k) => String(r[k])).join('|'),
      Object.fromEntries(Object.entries(r).filter(([k]) => !keyColumns.includes(k)).map(([k, v]) => [k, Number(v)])),
    ]),
  );

function expectSameTotals(actual: Row[], expected: Row[], keyColumns: string[], label: string) {
  const nonZero = (rows: Row[]) => rows.filter((r) => Object.entries(r).some(([k, v]) => !keyColumns.includes(k) && Math.abs(Number(v)) > 1e-9));
  const a = numeric(nonZero(actual), keyColumns);
  const e = numeric(nonZero(expected), keyColumns);
  expect([...a.keys()].sort(), `${label} keys`).toEqual([...e.keys()].sort());
  for (const [key, values] of e) {
    const got = a.get(key)!;
    for (const [column, value] of Object.entries(values)) {
      expect(got[column], `${label} ${key} ${column}`).toBeCloseTo(value, 6);
    }
  }
}

export async function expectRollupsConsistent(workspaceId: string): Promise<void> {
  const ws = workspaceId;
  const hourly = await sql<Row[]>`
    SELECT to_char(bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') AS b, avatar_id, conversations, interacted_conversations,
      messages, user_messages, assistant_messages, system_messages, prompt_tokens::float8 AS prompt_tokens,
      completion_tokens::float8 AS completion_tokens, response_time_sum_ms::float8 AS response_time_sum_ms, response_time_count,
      ended_conversations, duration_sum_s, escalated_conversations, goal_conversations, positive_conversations,
      neutral_conversations, negative_conversations, sentiment_score_sum, feedback_positive, feedback_negative, rating_sum, rating_count
    FROM rollup_hourly WHERE workspace_id = ${ws}::uuid`;
  const expectedHourly = await sql<Row[]>`
    WITH m AS (
      SELECT to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') AS b, c.avatar_id, count(*) AS messages,
        count(*) FILTER (WHERE role = 'user') AS user_messages, count(*) FILTER (WHERE role = 'assistant') AS assistant_messages,
        count(*) FILTER (WHERE role = 'system') AS system_messages, sum(m.prompt_tokens) AS prompt_tokens,
        sum(m.completion_tokens) AS completion_tokens, coalesce(sum(m.response_time_ms), 0) AS response_time_sum_ms,
        count(m.response_time_ms) AS response_time_count
      FROM messages m JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
      WHERE m.workspace_id = ${ws}::uuid GROUP BY 1, 2
    ), s AS (
      SELECT *, CASE WHEN sentiment_count = 0 THEN NULL ELSE sentiment_sum / sentiment_count END AS score,
        status = 'ended' AND message_count > 0 AS ended_with_messages
      FROM conversations WHERE workspace_id = ${ws}::uuid
    ), c AS (
      SELECT to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') AS b, avatar_id, count(*) AS conversations,
        count(*) FILTER (WHERE interacted) AS interacted_conversations,
        count(*) FILTER (WHERE ended_with_messages) AS ended_conversations,
        coalesce(sum(extract(epoch FROM ended_at - started_at)) FILTER (WHERE ended_with_messages), 0) AS duration_sum_s,
        count(*) FILTER (WHERE escalated) AS escalated_conversations, count(*) FILTER (WHERE goal_reached) AS goal_conversations,
        count(*) FILTER (WHERE score >= 0.05) AS positive_conversations,
        count(*) FILTER (WHERE score > -0.05 AND score < 0.05) AS neutral_conversations,
        count(*) FILTER (WHERE score <= -0.05) AS negative_conversations, coalesce(sum(score), 0) AS sentiment_score_sum,
        count(*) FILTER (WHERE feedback = 'positive') AS feedback_positive,
        count(*) FILTER (WHERE feedback = 'negative') AS feedback_negative,
        coalesce(sum(feedback_rating), 0) AS rating_sum, count(feedback_rating) AS rating_count
      FROM s GROUP BY 1, 2
    )
    SELECT coalesce(m.b, c.b) AS b, coalesce(m.avatar_id, c.avatar_id) AS avatar_id,
      coalesce(c.conversations, 0)::int AS conversations, coalesce(c.interacted_conversations, 0)::int AS interacted_conversations,
      coalesce(m.messages, 0)::int AS messages, coalesce(m.user_messages, 0)::int AS user_messages,
      coalesce(m.assistant_messages, 0)::int AS assistant_messages, coalesce(m.system_messages, 0)::int AS system_messages,
      coalesce(m.prompt_tokens, 0)::float8 AS prompt_tokens, coalesce(m.completion_tokens, 0)::float8 AS completion_tokens,
      coalesce(m.response_time_sum_ms, 0)::float8 AS response_time_sum_ms, coalesce(m.response_time_count, 0)::int AS response_time_count,
      coalesce(c.ended_conversations, 0)::int AS ended_conversations, coalesce(c.duration_sum_s, 0)::float8 AS duration_sum_s,
      coalesce(c.escalated_conversations, 0)::int AS escalated_conversations, coalesce(c.goal_conversations, 0)::int AS goal_conversations,
      coalesce(c.positive_conversations, 0)::int AS positive_conversations, coalesce(c.neutral_conversations, 0)::int AS neutral_conversations,
      coalesce(c.negative_conversations, 0)::int AS negative_conversations, coalesce(c.sentiment_score_sum, 0)::float8 AS sentiment_score_sum,
      coalesce(c.feedback_positive, 0)::int AS feedback_positive, coalesce(c.feedback_negative, 0)::int AS feedback_negative,
      coalesce(c.rating_sum, 0)::int AS rating_sum, coalesce(c.rating_count, 0)::int AS rating_count
    FROM m FULL JOIN c ON c.b = m.b AND c.avatar_id = m.avatar_id`;
  expectSameTotals(hourly, expectedHourly, ['b', 'avatar_id'], 'rollup_hourly');

  const dimensions = await sql<Row[]>`
    SELECT dimension, to_char(bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') AS b, avatar_id, value, conversations
    FROM rollup_dimensions WHERE workspace_id = ${ws}::uuid`;
  const expectedDimensions = await sql<Row[]>`
    SELECT d.dimension, to_char(c.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') AS b, c.avatar_id, d.value, count(*)::int AS conversations
    FROM conversations c
    CROSS JOIN LATERAL (VALUES ('device', c.device::text), ('source', c.source), ('language', c.language), ('country', c.country::text)) AS d(dimension, value)
    WHERE c.workspace_id = ${ws}::uuid AND d.value IS NOT NULL AND d.value <> ''
    GROUP BY 1, 2, 3, 4`;
  expectSameTotals(dimensions, expectedDimensions, ['dimension', 'b', 'avatar_id', 'value'], 'rollup_dimensions');

  const tools = await sql<Row[]>`
    SELECT to_char(bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') AS b, avatar_id, tool_name, calls,
      duration_sum_ms::float8 AS duration_sum_ms, duration_count, escalations
    FROM rollup_tools WHERE workspace_id = ${ws}::uuid`;
  const expectedTools = await sql<Row[]>`
    SELECT to_char(a.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') AS b, c.avatar_id, a.name AS tool_name, count(*)::int AS calls,
      coalesce(sum(a.duration_ms), 0)::float8 AS duration_sum_ms, count(a.duration_ms)::int AS duration_count,
      (count(*) FILTER (WHERE a.is_escalation))::int AS escalations
    FROM actions a JOIN conversations c ON c.workspace_id = a.workspace_id AND c.id = a.conversation_id
    WHERE a.workspace_id = ${ws}::uuid GROUP BY 1, 2, 3`;
  expectSameTotals(tools, expectedTools, ['b', 'avatar_id', 'tool_name'], 'rollup_tools');

  const customers = await sql<{ k: string }[]>`
    SELECT day::text || '|' || avatar_id || '|' || customer_id AS k FROM rollup_customers WHERE workspace_id = ${ws}::uuid ORDER BY 1`;
  const expectedCustomers = await sql<{ k: string }[]>`
    SELECT DISTINCT to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '|' || avatar_id || '|' || customer_id AS k
    FROM conversations WHERE workspace_id = ${ws}::uuid AND customer_id IS NOT NULL ORDER BY 1`;
  expect(customers.map((r) => r.k), 'rollup_customers').toEqual(expectedCustomers.map((r) => r.k));
}
