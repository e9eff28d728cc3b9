/**
 * Reads and recomputations the ingest transaction needs around its inserts, for the conversations it
 * has locked: the stored neighbours of new messages, response times around late messages, the earliest
 * user message, and the stored facts of a conversation whose avatar is being adopted.
 */
import type { TransactionSql } from 'postgres';
import type { HourlyValues } from '@/lib/ingest/plan/rollup-deltas';

const json = (rows: unknown[]) => JSON.stringify(rows);

export type ResponseTimeChange = { conversation_id: string; id: string; created_at: Date; old_rt: number | null; new_rt: number | null };

export function ingestRecompute(tx: TransactionSql) {
  return {
    /**
     * For each conversation about to receive messages from `fromT` on: its latest stored message time,
     * and the stored message just before `fromT` (time and role). Run before the inserts. Written as
     * max() over the conversation index so the plan stays a one-row probe without table statistics.
     */
    async storedNeighbours(workspaceId: string, conversations: { c: string; from_t: Date }[]) {
      if (conversations.length === 0) return [];
      return tx<{ c: string; last_at: Date | null; prev_at: Date | null; prev_role: 'user' | 'assistant' | 'system' | null }[]>`
        SELECT b.c, b.last_at, b.prev_at, (
          SELECT q.role FROM messages q
          WHERE q.workspace_id = ${workspaceId}::uuid AND q.conversation_id = b.c AND q.created_at = b.prev_at
          ORDER BY q.id COLLATE "C" DESC LIMIT 1
        ) AS prev_role
        FROM (
          SELECT x.c,
            (SELECT max(m.created_at) FROM messages m WHERE m.workspace_id = ${workspaceId}::uuid AND m.conversation_id = x.c) AS last_at,
            (SELECT max(m.created_at) FROM messages m
              WHERE m.workspace_id = ${workspaceId}::uuid AND m.conversation_id = x.c AND m.created_at < x.from_t) AS prev_at
          FROM json_to_recordset(${json(conversations)}::text::json) AS x(c text, from_t timestamptz)
          OFFSET 0
        ) b`;
    },

    /**
     * Recomputes response_time_ms of the inserted messages and of the messages whose predecessor they
     * became, from the stored order by (created_at, id): the path for messages that did not simply append
     * to their conversation. Per conversation it reads only the stretch from the message before the
     * earliest insert to the message after the latest one. Returns the messages whose value changed,
     * with old and new values, for the rollup deltas.
     */
    async recomputeResponseTimes(workspaceId: string, inserted: { c: string; t: Date }[]) {
      if (inserted.length === 0) return [];
      return tx<ResponseTimeChange[]>`
        WITH changed AS (
          SELECT x.c, min(x.t) AS from_t, max(x.t) AS to_t
          FROM json_to_recordset(${json(inserted)}::text::json) AS x(c text, t timestamptz)
          GROUP BY x.c
        ), bounds AS MATERIALIZED (
          SELECT ch.c, ch.from_t,
            coalesce((SELECT max(p.created_at) FROM messages p
              WHERE p.workspace_id = ${workspaceId}::uuid AND p.conversation_id = ch.c AND p.created_at < ch.from_t), ch.from_t) AS lo,
            coalesce((SELECT min(s.created_at) FROM messages s
              WHERE s.workspace_id = ${workspaceId}::uuid AND s.conversation_id = ch.c AND s.created_at > ch.to_t), ch.to_t) AS hi
          FROM changed ch
        ), win AS (
          SELECT m.conversation_id, m.id, m.created_at, b.from_t, m.response_time_ms AS old_rt,
            CASE WHEN m.role = 'assistant' AND lag(m.role) OVER w = 'user'
              THEN least(round(extract(epoch FROM m.created_at - lag(m.created_at) OVER w) * 1000), 2147483647)::int
            END AS new_rt
          FROM bounds b
          -- A range scan of the conversation index per conversation, whatever the row estimates say
          -- (OFFSET 0 keeps the planner from turning it into a join over the whole workspace).
          CROSS JOIN LATERAL (
            SELECT m.conversation_id, m.id, m.role, m.created_at, m.response_time_ms FROM messages m
            WHERE m.workspace_id = ${workspaceId}::uuid AND m.conversation_id = b.c AND m.created_at >= b.lo AND m.created_at <= b.hi
            OFFSET 0
          ) m
          WINDOW w AS (PARTITION BY m.conversation_id ORDER BY m.created_at, m.id COLLATE "C")
        )
        UPDATE messages m SET response_time_ms = win.new_rt
        FROM win
        WHERE m.workspace_id = ${workspaceId}::uuid AND m.conversation_id = win.conversation_id AND m.id = win.id
          AND win.created_at >= win.from_t AND m.response_time_ms IS DISTINCT FROM win.new_rt
        RETURNING m.conversation_id, m.id, m.created_at, win.old_rt, win.new_rt`;
    },

    /** The earliest user message of each conversation (for conversations that received an older one). */
    async firstUserMessages(workspaceId: string, conversationIds: string[]) {
      if (conversationIds.length === 0) return [];
      return tx<{ conversation_id: string; content: string }[]>`
        SELECT c.id AS conversation_id, f.content
        FROM json_array_elements_text(${json(conversationIds)}::text::json) AS c(id)
        CROSS JOIN LATERAL (
          SELECT left(m.content, 500) AS content FROM messages m
          WHERE m.workspace_id = ${workspaceId}::uuid AND m.conversation_id = c.id AND m.role = 'user'
          ORDER BY m.created_at, m.id COLLATE "C" LIMIT 1
        ) f`;
    },

    /** Stored message facts per conversation and UTC hour, to move them when the conversation's avatar changes. */
    async messageFacts(workspaceId: string, conversationIds: string[]) {
      if (conversationIds.length === 0) return [];
      return tx<{ conversation_id: string; bucket: Date; values: HourlyValues }[]>`
        SELECT conversation_id, date_trunc('hour', created_at, 'UTC') AS bucket, json_build_object(
          'messages', count(*), 'user_messages', count(*) FILTER (WHERE role = 'user'),
          'assistant_messages', count(*) FILTER (WHERE role = 'assistant'),
          'system_messages', count(*) FILTER (WHERE role = 'system'),
          'prompt_tokens', sum(prompt_tokens), 'completion_tokens', sum(completion_tokens),
          'response_time_sum_ms', coalesce(sum(response_time_ms), 0), 'response_time_count', count(response_time_ms)
        ) AS values
        FROM messages
        WHERE workspace_id = ${workspaceId}::uuid
          AND conversation_id = ANY (ARRAY(SELECT json_array_elements_text(${json(conversationIds)}::text::json)))
        GROUP BY 1, 2`;
    },

    /** Stored tool-call facts per conversation, UTC hour and tool, for the same purpose. */
    async toolFacts(workspaceId: string, conversationIds: string[]) {
      if (conversationIds.length === 0) return [];
      return tx<{ conversation_id: string; bucket: Date; tool_name: string; calls: number; duration_sum_ms: number; duration_count: number; escalations: number }[]>`
        SELECT conversation_id, date_trunc('hour', started_at, 'UTC') AS bucket, name AS tool_name, count(*)::int AS calls,
          coalesce(sum(duration_ms), 0)::float8 AS duration_sum_ms, count(duration_ms)::int AS duration_count,
          (count(*) FILTER (WHERE is_escalation))::int AS escalations
        FROM actions
        WHERE workspace_id = ${workspaceId}::uuid
          AND conversation_id = ANY (ARRAY(SELECT json_array_elements_text(${json(conversationIds)}::text::json)))
        GROUP BY 1, 2, 3`;
    },
  };
}
