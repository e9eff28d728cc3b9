/**
 * Builds every rollup of one workspace from its raw rows, set-wise: the same facts the ingest
 * transaction maintains incrementally (see lib/ingest/plan/rollup-deltas.ts), aggregated in one pass each, and
 * written in key order as live ingestion writes them, hour after hour (so a range of buckets reads few pages).
 */
import type { ReservedSql } from 'postgres';

const HOURLY = `
  INSERT INTO rollup_hourly (workspace_id, bucket, avatar_id, conversations, interacted_conversations, messages, user_messages,
    assistant_messages, system_messages, prompt_tokens, completion_tokens, response_time_sum_ms, response_time_count,
    ended_conversations, duration_sum_s, escalated_conversations, goal_conversations, positive_conversations,
    neutral_conversations, negative_conversations, sentiment_score_sum, feedback_positive, feedback_negative, rating_sum, rating_count)
  WITH c AS (
    SELECT date_trunc('hour', started_at, 'UTC') AS bucket, avatar_id, count(*) AS conversations,
      count(*) FILTER (WHERE interacted) AS interacted,
      count(*) FILTER (WHERE status = 'ended' AND message_count > 0) AS ended,
      coalesce(sum(extract(epoch FROM ended_at - started_at)) FILTER (WHERE status = 'ended' AND message_count > 0), 0) AS duration,
      count(*) FILTER (WHERE escalated) AS escalated, count(*) FILTER (WHERE goal_reached) AS goals,
      count(*) FILTER (WHERE sentiment_label = 'positive') AS positive, count(*) FILTER (WHERE sentiment_label = 'neutral') AS neutral,
      count(*) FILTER (WHERE sentiment_label = 'negative') AS negative,
      coalesce(sum(sentiment_sum / nullif(sentiment_count, 0)), 0) AS score_sum,
      count(*) FILTER (WHERE feedback = 'positive') AS fb_pos, count(*) FILTER (WHERE feedback = 'negative') AS fb_neg,
      coalesce(sum(feedback_rating), 0) AS rating_sum, count(feedback_rating) AS rating_count
    FROM conversations WHERE workspace_id = $1::uuid GROUP BY 1, 2
  ), per_conversation AS (
    SELECT conversation_id, date_trunc('hour', created_at, 'UTC') AS bucket, count(*) AS messages,
      count(*) FILTER (WHERE role = 'user') AS users, count(*) FILTER (WHERE role = 'assistant') AS assistants,
      count(*) FILTER (WHERE role = 'system') AS systems, sum(prompt_tokens) AS pt, sum(completion_tokens) AS ct,
      coalesce(sum(response_time_ms), 0) AS rt_sum, count(response_time_ms) AS rt_count
    FROM messages WHERE workspace_id = $1::uuid GROUP BY 1, 2
  ), m AS (
    SELECT p.bucket, cv.avatar_id, sum(messages) AS messages, sum(users) AS users, sum(assistants) AS assistants,
      sum(systems) AS systems, sum(pt) AS pt, sum(ct) AS ct, sum(rt_sum) AS rt_sum, sum(rt_count) AS rt_count
    FROM per_conversation p JOIN conversations cv ON cv.workspace_id = $1::uuid AND cv.id = p.conversation_id
    GROUP BY 1, 2
  )
  SELECT $1::uuid, coalesce(c.bucket, m.bucket), coalesce(c.avatar_id, m.avatar_id), coalesce(c.conversations, 0),
    coalesce(c.interacted, 0), coalesce(m.messages, 0), coalesce(m.users, 0), coalesce(m.assistants, 0), coalesce(m.systems, 0),
    coalesce(m.pt, 0), coalesce(m.ct, 0), coalesce(m.rt_sum, 0), coalesce(m.rt_count, 0), coalesce(c.ended, 0),
    coalesce(c.duration, 0), coalesce(c.escalated, 0), coalesce(c.goals, 0), coalesce(c.positive, 0), coalesce(c.neutral, 0),
    coalesce(c.negative, 0), coalesce(c.score_sum, 0), coalesce(c.fb_pos, 0), coalesce(c.fb_neg, 0), coalesce(c.rating_sum, 0),
    coalesce(c.rating_count, 0)
  FROM c FULL JOIN m ON m.bucket = c.bucket AND m.avatar_id = c.avatar_id
  ORDER BY 2, 3`;

const DIMENSIONS = `
  INSERT INTO rollup_dimensions (workspace_id, dimension, bucket, avatar_id, value, conversations)
  SELECT $1::uuid, d.dimension, date_trunc('hour', c.started_at, 'UTC'), c.avatar_id, d.value, count(*)
  FROM conversations c
  CROSS JOIN LATERAL (VALUES ('device', c.device::text), ('source', c.source), ('language', c.language), ('country', c.country::text)) AS d(dimension, value)
  WHERE c.workspace_id = $1::uuid AND d.value IS NOT NULL AND d.value <> ''
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 3, 4, 5`;

const TOOLS = `
  INSERT INTO rollup_tools (workspace_id, bucket, avatar_id, tool_name, calls, duration_sum_ms, duration_count, escalations)
  SELECT $1::uuid, date_trunc('hour', a.started_at, 'UTC'), c.avatar_id, a.name, count(*), coalesce(sum(a.duration_ms), 0),
    count(a.duration_ms), count(*) FILTER (WHERE a.is_escalation)
  FROM actions a JOIN conversations c ON c.workspace_id = a.workspace_id AND c.id = a.conversation_id
  WHERE a.workspace_id = $1::uuid GROUP BY 1, 2, 3, 4 ORDER BY 2, 3, 4`;

const CUSTOMERS = `
  INSERT INTO rollup_customers (workspace_id, day, avatar_id, customer_id)
  SELECT DISTINCT $1::uuid, (started_at AT TIME ZONE 'UTC')::date, avatar_id, customer_id
  FROM conversations WHERE workspace_id = $1::uuid AND customer_id IS NOT NULL`;

// The trigger-kept tiers (daily rollups, sources, customer chains), from the rows above.
const TRIGGER_KEPT = `SELECT analytics_rebuild($1::uuid)`;

export async function buildRollups(c: ReservedSql, ws: string, log: (line: string) => void) {
  const statements = { rollup_hourly: HOURLY, rollup_dimensions: DIMENSIONS, rollup_tools: TOOLS, rollup_customers: CUSTOMERS, 'daily tier, sources, customer chains': TRIGGER_KEPT };
  for (const [name, statement] of Object.entries(statements)) {
    const started = performance.now();
    await c.unsafe(statement, [ws]);
    log(`    ${name} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
