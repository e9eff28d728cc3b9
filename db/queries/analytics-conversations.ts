/**
 * The analytics reads about customers and single conversations: unique users (customer chains, and the
 * conversations table for edge hours) and the most negative conversations of a range.
 */
import type { RangePlan } from '@/lib/analytics/plan';
import { sql } from '../index';
import { avatarCondition, type Fragment } from './analytics-tiers';

function startedIn(plan: RangePlan): Fragment {
  const spans = plan.hourSpans.map((s) => sql`(started_at >= ${s.start} AND started_at < ${s.end})`);
  if (spans.length === 0) return sql`false`;
  return sql`(${spans.reduce((all, s) => sql`${all} OR ${s}`)})`;
}

/** rollup_customer_hours caps gaps at 49 hours, so it answers ranges of up to 48 hours (all avatars). */
const HOUR_CHAIN_MAX_HOURS = 48;

/**
 * Distinct non-null customer ids of the conversations started in the plan's range. Up to 48 hours, all
 * avatars: from the hour chains. Otherwise: whole local days from the day chains (a customer counted on the first day of
 * the range with a conversation: a gap longer than the days since the range's first day), plus the
 * customers of edge-hour conversations that have no conversation in those whole days.
 */
export async function countUniqueUsers(workspaceId: string, plan: RangePlan, avatarId?: string | null): Promise<number> {
  if (!avatarId && plan.hourEnd.getTime() - plan.hourStart.getTime() <= HOUR_CHAIN_MAX_HOURS * 3_600_000) {
    // Short ranges: hour chains, a customer counted in the first hour of the range with a conversation.
    const [row] = await sql<{ n: number }[]>`
      SELECT coalesce(sum(customers), 0)::float8 AS n FROM rollup_customer_hours
      WHERE workspace_id = ${workspaceId} AND avatar_id = '' AND hour >= ${plan.hourStart} AND hour < ${plan.hourEnd}
        AND gap_hours > extract(epoch FROM hour - ${plan.hourStart}::timestamptz) / 3600`;
    return row.n;
  }
  const days = plan.days;
  const chains = days
    ? sql`
      SELECT coalesce(sum(customers), 0)::float8 AS n FROM rollup_customer_returns
      WHERE workspace_id = ${workspaceId} AND avatar_id = ${avatarId ?? ''}
        AND day BETWEEN ${days.first}::date AND ${days.last}::date AND gap_days > day - ${days.first}::date`
    : sql`SELECT 0::float8 AS n`;
  const inDays = days
    ? sql`AND NOT EXISTS (
        SELECT 1 FROM conversations d
        WHERE d.workspace_id = ${workspaceId} AND d.customer_id = e.customer_id ${avatarId ? sql`AND d.avatar_id = ${avatarId}` : sql``}
          AND d.started_at >= ${days.hourStart} AND d.started_at < ${days.hourEnd})`
    : sql``;
  const edges =
    plan.hourSpans.length === 0
      ? sql`SELECT 0::float8 AS n`
      : sql`
      SELECT count(*)::float8 AS n FROM (
        SELECT DISTINCT customer_id FROM conversations
        WHERE workspace_id = ${workspaceId} AND customer_id IS NOT NULL ${avatarCondition(avatarId)} AND ${startedIn(plan)}
      ) e
      WHERE true ${inDays}`;
  const [row] = await sql<{ n: number }[]>`SELECT (${chains}) + (${edges}) AS n`;
  return row.n;
}

export type NegativeConversationRow = {
  id: string;
  avatar_id: string;
  started_at: Date;
  score: number;
  first_user_message: string | null;
};

/** The most negative conversations started in the range, by their mean sentiment (index conversations_negative_idx). */
export async function mostNegativeConversations(
  workspaceId: string,
  plan: RangePlan,
  avatarId: string | null | undefined,
  limit: number,
): Promise<NegativeConversationRow[]> {
  return sql<NegativeConversationRow[]>`
    SELECT id, avatar_id, started_at, sentiment_sum / nullif(sentiment_count, 0) AS score, first_user_message
    FROM conversations
    WHERE workspace_id = ${workspaceId} AND sentiment_label = 'negative'
      AND started_at >= ${plan.hourStart} AND started_at < ${plan.hourEnd} ${avatarCondition(avatarId)}
    ORDER BY sentiment_score, started_at DESC NULLS LAST
    LIMIT ${limit}`;
}

export async function findWorkspaceTimezone(workspaceId: string): Promise<string | null> {
  const [row] = await sql<{ timezone: string }[]>`SELECT timezone FROM workspaces WHERE id = ${workspaceId}`;
  return row?.timezone ?? null;
}
