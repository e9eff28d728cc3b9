/** Ends idle conversations set-wise, with their rollup facts, one chunk per statement. */
import type { TransactionSql } from 'postgres';
import { GOAL_EVALUATION_LOCK } from '../lock-order';

export type ClosedConversation = {
  workspace_id: string;
  id: string;
  avatar_id: string;
  customer_id: string | null;
  started_at: Date;
  ended_at: Date;
  message_count: number;
  escalated: boolean;
  sentiment_score: number | null;
  sentiment_label: 'positive' | 'neutral' | 'negative' | null;
  feedback: string | null;
};

/**
 * The workspaces of the next `limit` idle conversations (of `workspaceIds` only, when given), with their
 * "ended without escalation" goals locked as ingestion locks the goals it evaluates: goals before
 * conversations (db/lock-order.ts), so that a goal delete never waits on this job while it waits on the delete.
 */
export async function lockIdleWorkspaceEndGoals(tx: TransactionSql, now: Date, limit: number, workspaceIds: string[] | null): Promise<string[]> {
  const rows = await tx<{ workspace_id: string }[]>`
    SELECT DISTINCT due.workspace_id FROM (
      SELECT c.workspace_id FROM conversations c JOIN workspaces w ON w.id = c.workspace_id
      WHERE c.status = 'active' AND (${workspaceIds}::uuid[] IS NULL OR c.workspace_id = ANY(${workspaceIds}::uuid[]))
        AND c.last_activity_at < ${now}::timestamptz - make_interval(mins => w.inactivity_timeout_minutes)
      ORDER BY c.workspace_id, c.id
      LIMIT ${limit}
    ) due`;
  const workspaces = rows.map((r) => r.workspace_id);
  if (workspaces.length === 0) return [];
  await tx`
    SELECT 1 FROM goals WHERE workspace_id = ANY(${workspaces}::uuid[]) AND trigger->>'type' = 'no_escalation'
    ORDER BY workspace_id, id ${tx.unsafe(GOAL_EVALUATION_LOCK)}`;
  return workspaces;
}

/**
 * Closes up to `limit` active conversations of `workspaceIds` (every workspace when null) idle longer than
 * their workspace's inactivity timeout, with ended_at = last_activity_at, and adds them to the ended/duration
 * rollups in the hour they started. Rows another transaction holds are skipped (they are being written to),
 * so this lock never waits and needs no particular order. Returns the conversations it closed (still locked).
 */
export async function closeIdleConversationsChunk(
  tx: TransactionSql,
  now: Date,
  limit: number,
  workspaceIds: string[] | null = null,
): Promise<ClosedConversation[]> {
  return tx<ClosedConversation[]>`
    WITH due AS (
      SELECT c.workspace_id, c.id
      FROM conversations c JOIN workspaces w ON w.id = c.workspace_id
      WHERE c.status = 'active' AND (${workspaceIds}::uuid[] IS NULL OR c.workspace_id = ANY(${workspaceIds}::uuid[]))
        AND c.last_activity_at < ${now}::timestamptz - make_interval(mins => w.inactivity_timeout_minutes)
      ORDER BY c.workspace_id, c.id
      LIMIT ${limit}
      FOR UPDATE OF c SKIP LOCKED
    ), closed AS (
      UPDATE conversations c
      SET status = 'ended', end_reason = 'inactivity', ended_at = greatest(c.last_activity_at, c.started_at), updated_at = now()
      FROM due WHERE c.workspace_id = due.workspace_id AND c.id = due.id
      RETURNING c.workspace_id, c.id, c.avatar_id, c.customer_id, c.started_at, c.ended_at, c.message_count, c.escalated,
        c.sentiment_score::float8 AS sentiment_score, c.sentiment_label, c.feedback
    ), facts AS (
      SELECT workspace_id, date_trunc('hour', started_at, 'UTC') AS bucket, avatar_id, count(*)::int AS ended,
        sum(extract(epoch FROM ended_at - started_at))::float8 AS seconds
      FROM closed WHERE message_count > 0
      GROUP BY 1, 2, 3
    ), rolled AS (
      INSERT INTO rollup_hourly AS r (workspace_id, bucket, avatar_id, ended_conversations, duration_sum_s)
      SELECT workspace_id, bucket, avatar_id, ended, seconds FROM facts ORDER BY 1, 2, 3
      ON CONFLICT (workspace_id, bucket, avatar_id) DO UPDATE SET
        ended_conversations = r.ended_conversations + EXCLUDED.ended_conversations,
        duration_sum_s = r.duration_sum_s + EXCLUDED.duration_sum_s
    )
    SELECT workspace_id, id, avatar_id, customer_id, started_at, ended_at, message_count, escalated, sentiment_score, sentiment_label, feedback FROM closed`;
}
