/**
 * Erasure (GDPR): deletes conversations with everything that hangs off them, and first subtracts their
 * contribution from the ingest-kept rollups with the same facts ingest added (message and tool facts in
 * their own hour, conversation facts in the hour the conversation started, under its current avatar).
 * The daily, source and customer-return rollups follow through their triggers.
 */
import type { TransactionSql } from 'postgres';
import { conversationLockOrder } from '../lock-order';
import { HOURLY_ADD_ON_CONFLICT, HOURLY_COLUMNS } from '../rollup-columns';

const HOURLY_LIST = HOURLY_COLUMNS.join(', ');
const HOURLY_NEGATED = HOURLY_COLUMNS.map((c) => `-sum(${c}) AS ${c}`).join(', ');

async function subtractRollups(tx: TransactionSql, ws: string, ids: string[]) {
  await tx`
    WITH conv AS (
      SELECT *, CASE WHEN sentiment_count = 0 THEN NULL ELSE sentiment_sum / sentiment_count END AS score,
        (status = 'ended' AND ended_at IS NOT NULL AND message_count > 0) AS ewm
      FROM conversations WHERE workspace_id = ${ws}::uuid AND id = ANY(${ids}::text[])
    ), facts AS (
      SELECT date_trunc('hour', m.created_at, 'UTC') AS bucket, c.avatar_id, 0 AS conversations, 0 AS interacted_conversations,
        1 AS messages, (m.role = 'user')::int AS user_messages, (m.role = 'assistant')::int AS assistant_messages,
        (m.role = 'system')::int AS system_messages, m.prompt_tokens::bigint AS prompt_tokens, m.completion_tokens::bigint AS completion_tokens,
        coalesce(m.response_time_ms, 0)::bigint AS response_time_sum_ms, (m.response_time_ms IS NOT NULL)::int AS response_time_count,
        0 AS ended_conversations, 0::float8 AS duration_sum_s, 0 AS escalated_conversations, 0 AS goal_conversations,
        0 AS positive_conversations, 0 AS neutral_conversations, 0 AS negative_conversations, 0::float8 AS sentiment_score_sum,
        0 AS feedback_positive, 0 AS feedback_negative, 0 AS rating_sum, 0 AS rating_count
      FROM messages m JOIN conv c ON c.id = m.conversation_id
      WHERE m.workspace_id = ${ws}::uuid AND m.conversation_id = ANY(${ids}::text[])
      UNION ALL
      SELECT date_trunc('hour', c.started_at, 'UTC'), c.avatar_id, 1, c.interacted::int, 0, 0, 0, 0, 0, 0, 0, 0,
        c.ewm::int, CASE WHEN c.ewm THEN extract(epoch FROM c.ended_at - c.started_at)::float8 ELSE 0 END,
        c.escalated::int, c.goal_reached::int, coalesce(c.score >= 0.05, false)::int,
        coalesce(c.score > -0.05 AND c.score < 0.05, false)::int, coalesce(c.score <= -0.05, false)::int, coalesce(c.score, 0),
        (c.feedback IS NOT DISTINCT FROM 'positive')::int, (c.feedback IS NOT DISTINCT FROM 'negative')::int,
        coalesce(c.feedback_rating, 0), (c.feedback_rating IS NOT NULL)::int
      FROM conv c
    )
    INSERT INTO rollup_hourly AS r (workspace_id, bucket, avatar_id, ${tx.unsafe(HOURLY_LIST)})
    SELECT ${ws}::uuid, bucket, avatar_id, ${tx.unsafe(HOURLY_NEGATED)}
    FROM facts GROUP BY bucket, avatar_id ORDER BY bucket, avatar_id
    ON CONFLICT (workspace_id, bucket, avatar_id) DO UPDATE SET ${tx.unsafe(HOURLY_ADD_ON_CONFLICT)}`;

  await tx`
    INSERT INTO rollup_dimensions AS r (workspace_id, dimension, bucket, avatar_id, value, conversations)
    SELECT ${ws}::uuid, d.dimension, date_trunc('hour', c.started_at, 'UTC'), c.avatar_id, d.value, -count(*)
    FROM conversations c
    CROSS JOIN LATERAL (VALUES ('device', c.device::text), ('source', c.source), ('language', c.language), ('country', c.country::text)) AS d(dimension, value)
    WHERE c.workspace_id = ${ws}::uuid AND c.id = ANY(${ids}::text[]) AND d.value IS NOT NULL AND d.value <> ''
    GROUP BY 2, 3, 4, 5 ORDER BY 2, 3, 4, 5
    ON CONFLICT (workspace_id, dimension, bucket, avatar_id, value) DO UPDATE SET conversations = r.conversations + EXCLUDED.conversations`;

  await tx`
    INSERT INTO rollup_tools AS r (workspace_id, bucket, avatar_id, tool_name, calls, duration_sum_ms, duration_count, escalations)
    SELECT ${ws}::uuid, date_trunc('hour', a.started_at, 'UTC'), c.avatar_id, a.name, -count(*), -coalesce(sum(a.duration_ms), 0),
      -count(a.duration_ms), -count(*) FILTER (WHERE a.is_escalation)
    FROM actions a JOIN conversations c ON c.workspace_id = a.workspace_id AND c.id = a.conversation_id
    WHERE a.workspace_id = ${ws}::uuid AND a.conversation_id = ANY(${ids}::text[])
    GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
    ON CONFLICT (workspace_id, bucket, avatar_id, tool_name) DO UPDATE SET calls = r.calls + EXCLUDED.calls,
      duration_sum_ms = r.duration_sum_ms + EXCLUDED.duration_sum_ms, duration_count = r.duration_count + EXCLUDED.duration_count,
      escalations = r.escalations + EXCLUDED.escalations`;
}

async function deleteRows(tx: TransactionSql, ws: string, ids: string[], customerIds: string[]) {
  await tx`DELETE FROM goal_completions WHERE workspace_id = ${ws}::uuid AND conversation_id = ANY(${ids}::text[])`;
  // Event stream entries (goal.completed, …) that name an erased conversation go with it.
  await tx`DELETE FROM outbox_events WHERE workspace_id = ${ws}::uuid AND conversation_id = ANY(${ids}::text[])`;
  // So do the webhook deliveries that carry them, with their attempts (response excerpts may quote them).
  await tx`
    WITH gone AS (DELETE FROM webhook_deliveries WHERE workspace_id = ${ws}::uuid AND conversation_id = ANY(${ids}::text[]) RETURNING id)
    DELETE FROM webhook_attempts a USING gone WHERE a.workspace_id = ${ws}::uuid AND a.delivery_id = gone.id`;
  await tx`DELETE FROM events WHERE workspace_id = ${ws}::uuid AND conversation_id = ANY(${ids}::text[])`;
  await tx`DELETE FROM actions WHERE workspace_id = ${ws}::uuid AND conversation_id = ANY(${ids}::text[])`;
  await tx`DELETE FROM messages WHERE workspace_id = ${ws}::uuid AND conversation_id = ANY(${ids}::text[])`;
  await tx`DELETE FROM conversations WHERE workspace_id = ${ws}::uuid AND id = ANY(${ids}::text[])`;
  if (customerIds.length === 0) return;
  // Customer-day rows (UTC days) that no remaining conversation holds: the customer id itself must go.
  await tx`
    DELETE FROM rollup_customers rc
    WHERE rc.workspace_id = ${ws}::uuid AND rc.customer_id = ANY(${customerIds}::text[])
      AND NOT EXISTS (
        SELECT 1 FROM conversations c
        WHERE c.workspace_id = rc.workspace_id AND c.customer_id = rc.customer_id AND c.avatar_id = rc.avatar_id
          AND c.started_at >= rc.day::timestamp AT TIME ZONE 'UTC' AND c.started_at < (rc.day + 1)::timestamp AT TIME ZONE 'UTC'
      )`;
}

export type EraseTarget = { conversationId: string } | { customerId: string };

/**
 * Erases the target's conversations in the caller's transaction (one that retries deadlocks); returns
 * the ids erased (none: nothing matched). The conversations are locked first, in the one lock order.
 */
export async function eraseConversationRows(tx: TransactionSql, workspaceId: string, target: EraseTarget): Promise<string[]> {
  const locked = 'conversationId' in target
    ? await tx<{ id: string; customer_id: string | null }[]>`
        SELECT id, customer_id FROM conversations WHERE workspace_id = ${workspaceId}::uuid AND id = ${target.conversationId}
        FOR UPDATE`
    : await tx<{ id: string; customer_id: string | null }[]>`
        SELECT id, customer_id FROM conversations WHERE workspace_id = ${workspaceId}::uuid AND customer_id = ${target.customerId}
        ${conversationLockOrder(tx)} FOR UPDATE`;
  if (locked.length === 0) return [];
  const ids = locked.map((r) => r.id);
  const customerIds = [...new Set(locked.map((r) => r.customer_id).filter((c): c is string => c !== null))];
  await subtractRollups(tx, workspaceId, ids);
  await deleteRows(tx, workspaceId, ids, customerIds);
  return ids;
}
