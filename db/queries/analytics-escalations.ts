/**
 * Escalated conversations of a range, read from the conversations table (DESIGN §3: a conversation counts
 * once, in the hour it started, exactly as the rollups count escalated_conversations), with their reason
 * and the last user message before the escalation.
 */
import type { RangePlan } from '@/lib/analytics/plan';
import { sql } from '../index';
import type { Fragment } from './analytics-tiers';

/** The reason reported for an escalation by the end call's `escalated: true` alone. */
export const END_CALL_REASON = 'end_call';

/**
 * The reason of escalated conversation `c`: the name of its first escalation action, else `end_call`.
 * Shared with the transcripts filter, so a link from an escalation row lists exactly the counted conversations.
 */
export function escalationReasonOf(alias: string): Fragment {
  const c = sql.unsafe(alias);
  return sql`coalesce((
    SELECT a.name FROM actions a
    WHERE a.workspace_id = ${c}.workspace_id AND a.conversation_id = ${c}.id AND a.is_escalation
    ORDER BY a.started_at, a.id LIMIT 1
  ), ${sql.unsafe(`'${END_CALL_REASON}'`)})`;
}

function escalatedIn(workspaceId: string, plan: RangePlan, avatarId: string | null | undefined): Fragment {
  return sql`c.workspace_id = ${workspaceId} AND c.escalated
    AND c.started_at >= ${plan.hourStart} AND c.started_at < ${plan.hourEnd}
    ${avatarId ? sql`AND c.avatar_id = ${avatarId}` : sql``}`;
}

export type EscalationCountRow = { reason: string; avatar_id: string; avatar_name: string | null; hour: Date; conversations: number };

/** Escalated conversations per (reason, avatar, UTC hour started). */
export async function countEscalations(workspaceId: string, plan: RangePlan, avatarId: string | null | undefined): Promise<EscalationCountRow[]> {
  return sql<EscalationCountRow[]>`
    SELECT e.reason, e.avatar_id, av.name AS avatar_name, e.hour, count(*)::float8 AS conversations
    FROM (
      SELECT ${escalationReasonOf('c')} AS reason, c.avatar_id, date_trunc('hour', c.started_at, 'UTC') AS hour
      FROM conversations c WHERE ${escalatedIn(workspaceId, plan, avatarId)}
    ) e
    LEFT JOIN avatars av ON av.workspace_id = ${workspaceId} AND av.id = e.avatar_id
    GROUP BY e.reason, e.avatar_id, av.name, e.hour`;
}

export type EscalationMessageRow = {
  id: string;
  avatar_id: string;
  reason: string;
  started_at: Date;
  escalated_at: Date | null;
  last_user_message: string | null;
};

/**
 * The latest `limit` escalated conversations (by escalation time) with the last user message at or before
 * the escalation (truncated to 1,000 characters).
 */
export async function listEscalationMessages(
  workspaceId: string,
  plan: RangePlan,
  avatarId: string | null | undefined,
  limit: number,
): Promise<EscalationMessageRow[]> {
  return sql<EscalationMessageRow[]>`
    SELECT c.id, c.avatar_id, ${escalationReasonOf('c')} AS reason, c.started_at, c.escalated_at,
      (SELECT left(m.content, 1000) FROM messages m
       WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND m.role = 'user'
         AND m.created_at <= coalesce(c.escalated_at, c.ended_at, c.last_activity_at)
       ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS last_user_message
    FROM conversations c
    WHERE ${escalatedIn(workspaceId, plan, avatarId)}
    ORDER BY coalesce(c.escalated_at, c.started_at) DESC, c.id
    LIMIT ${limit}`;
}
