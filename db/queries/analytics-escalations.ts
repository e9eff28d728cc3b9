/**
 * Escalated conversations of a range (DESIGN §3: a conversation counts once, in the hour it started, exactly
 * as the rollups count escalated_conversations): their counts by reason from the escalation rollups
 * (migration 0017), and the latest ones with their reason and the last user message before the escalation.
 */
import type { RangePlan } from '@/lib/analytics/plan';
import { sql } from '../index';
import { avatarCondition, ESCALATIONS, tierRows, type Fragment } from './analytics-tiers';

/** The reason reported for an escalation by the end call's `escalated: true` alone. */
export const END_CALL_REASON = 'end_call';

/**
 * The reason of escalated conversation `c` (DESIGN §3: the name of its first escalation action, else
 * `end_call`), as the escalation rollups count it: escalation_reasons holds it for every escalated
 * conversation (the rule is SQL's analytics_escalation_reason, migration 0017). Shared with the transcripts
 * filter, so a link from an escalation row lists exactly the counted conversations.
 */
export function escalationReasonOf(alias: string): Fragment {
  const c = sql.unsafe(alias);
  return sql`(SELECT r.reason FROM escalation_reasons r WHERE r.workspace_id = ${c}.workspace_id AND r.conversation_id = ${c}.id)`;
}

function escalatedIn(workspaceId: string, plan: RangePlan, avatarId: string | null | undefined): Fragment {
  return sql`c.workspace_id = ${workspaceId} AND c.escalated
    AND c.started_at >= ${plan.hourStart} AND c.started_at < ${plan.hourEnd}
    ${avatarId ? sql`AND c.avatar_id = ${avatarId}` : sql``}`;
}

/** Escalated conversations per (reason, avatar, bucket): `bucket` is the UTC hour (ISO) or the local date. */
export type EscalationCountRow = { reason: string; avatar_id: string; avatar_name: string | null; bucket: string; conversations: number };

/**
 * Escalated conversations per (reason, avatar) and UTC hour started (`byHour`, from the hourly rollup) or
 * local day (whole days from the daily tier, edge hours from the hourly one).
 */
export async function countEscalations(
  workspaceId: string,
  plan: RangePlan,
  avatarId: string | null | undefined,
  byHour: boolean,
): Promise<EscalationCountRow[]> {
  const rows = byHour
    ? sql`(SELECT to_char(bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"') AS bucket, avatar_id, reason, conversations
        FROM rollup_escalations WHERE workspace_id = ${workspaceId} AND bucket >= ${plan.hourStart} AND bucket < ${plan.hourEnd} ${avatarCondition(avatarId)})`
    : sql`(SELECT day AS bucket, avatar_id, reason, conversations
        FROM ${tierRows(workspaceId, plan, { avatarId, perAvatar: true }, ESCALATIONS, ['avatar_id', 'reason', 'conversations'])} t)`;
  return sql<EscalationCountRow[]>`
    SELECT e.reason, e.avatar_id, av.name AS avatar_name, e.bucket, sum(e.conversations)::float8 AS conversations
    FROM ${rows} e
    LEFT JOIN avatars av ON av.workspace_id = ${workspaceId} AND av.id = e.avatar_id
    GROUP BY e.reason, e.avatar_id, av.name, e.bucket HAVING sum(e.conversations) <> 0`;
}

export type EscalationMessageRow = {
  id: string;
  avatar_id: string;
  reason: string;
  started_at: Date;
  escalated_at: Date | null;
  last_user_message: string | null;
};

/** A function, not a constant: building a fragment at import would need the database (as at build time). */
const escalationTime = () => sql`coalesce(c.escalated_at, c.started_at)`;

/**
 * The latest `limit` escalated conversations (by escalation time) with the last user message at or before
 * the escalation (truncated to 1,000 characters). Read newest first from the escalation-time indexes
 * (migration 0017) down to the range's first hour, so the cost follows `limit`, not the range's escalations;
 * the few escalated before the range's first hour though started in it (escalated before they started) follow.
 */
export async function listEscalationMessages(
  workspaceId: string,
  plan: RangePlan,
  avatarId: string | null | undefined,
  limit: number,
): Promise<EscalationMessageRow[]> {
  return sql<EscalationMessageRow[]>`
    WITH latest AS (
      (SELECT c.workspace_id, c.id, c.avatar_id, c.started_at, c.escalated_at, c.ended_at, c.last_activity_at, ${escalationTime()} AS at
       FROM conversations c
       WHERE ${escalatedIn(workspaceId, plan, avatarId)} AND ${escalationTime()} >= ${plan.hourStart}
       ORDER BY ${escalationTime()} DESC, c.id LIMIT ${limit})
      UNION ALL
      (SELECT c.workspace_id, c.id, c.avatar_id, c.started_at, c.escalated_at, c.ended_at, c.last_activity_at, ${escalationTime()}
       FROM conversations c
       WHERE ${escalatedIn(workspaceId, plan, avatarId)} AND c.escalated_at < c.started_at AND ${escalationTime()} < ${plan.hourStart})
    )
    SELECT c.id, c.avatar_id, ${escalationReasonOf('c')} AS reason, c.started_at, c.escalated_at,
      (SELECT left(m.content, 1000) FROM messages m
       WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND m.role = 'user'
         AND m.created_at <= coalesce(c.escalated_at, c.ended_at, c.last_activity_at)
       ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS last_user_message
    FROM (SELECT * FROM latest ORDER BY at DESC, id LIMIT ${limit}) c
    ORDER BY c.at DESC, c.id`;
}
