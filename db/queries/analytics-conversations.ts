/**
 * The analytics reads about customers and single conversations: unique users (customer chains and links)
 * and the most negative conversations of a range.
 */
import type { RangePlan } from '@/lib/analytics/plan';
import { sql } from '../index';
import { avatarCondition, type Fragment } from './analytics-tiers';

type Span = { start: Date; end: Date; when: Fragment };

/**
 * Distinct non-null customer ids of the conversations started in the plan's range [H1, H2), each counted at
 * its first conversation hour in the range: a local day (of the plan's whole days) or an edge hour whose
 * customer's previous conversation hour is before H1 — on a local day before H1's day L (the day chains and
 * rollup_customer_hour_gaps), or on day L before H1 (the link tables, prev_day = L). Every read is bounded by
 * buckets (days or hours × their gap values, or × the hours of day L), never by conversations. The rollups'
 * days are the workspace's: a plan made in another timezone (alerts plan in UTC) reads its whole days as hours.
 */
export async function countUniqueUsers(workspaceId: string, plan: RangePlan, avatarId?: string | null): Promise<number> {
  const scope = avatarId ?? '';
  const h1 = plan.hourStart;
  const sameZone = sql`(SELECT timezone FROM workspaces WHERE id = ${workspaceId}) = ${plan.workspaceTimezone}`;
  const days = plan.days;
  const spans: Span[] = plan.hourSpans.map((s) => ({ ...s, when: sql`true` }));
  if (days) spans.push({ start: days.hourStart, end: days.hourEnd, when: sql`NOT ${sameZone}` });
  // Each part is read only when its condition holds: as CASE WHEN … THEN (subquery), the subquery of a
  // false condition is never planned into the run (a plain WHERE false still had the planner start
  // parallel workers for the large hour ranges, about 10 ms at full size).
  const parts: Fragment[] = [];
  const part = (when: Fragment, read: Fragment) => parts.push(sql`SELECT CASE WHEN ${when} THEN (${read}) END AS n`);
  if (days) {
    part(sameZone, sql`
      SELECT sum(customers) FROM rollup_customer_returns
      WHERE workspace_id = ${workspaceId} AND avatar_id = ${scope}
        AND day BETWEEN ${days.first}::date AND ${days.last}::date AND gap_days > day - (SELECT l FROM z)`);
    part(sameZone, sql`
      SELECT sum(customers) FROM rollup_customer_day_links
      WHERE workspace_id = ${workspaceId} AND avatar_id = ${scope}
        AND prev_day = (SELECT l FROM z) AND day BETWEEN ${days.first}::date AND ${days.last}::date AND prev_hour < ${h1}`);
  }
  for (const span of spans) {
    part(span.when, sql`
      SELECT sum(customers) FROM rollup_customer_hour_gaps
      WHERE workspace_id = ${workspaceId} AND avatar_id = ${scope}
        AND hour >= ${span.start} AND hour < ${span.end} AND prev_days > (hour AT TIME ZONE (SELECT tz FROM z))::date - (SELECT l FROM z)`);
    part(span.when, sql`
      SELECT sum(customers) FROM rollup_customer_hour_links
      WHERE workspace_id = ${workspaceId} AND avatar_id = ${scope}
        AND prev_day = (SELECT l FROM z) AND hour >= ${span.start} AND hour < ${span.end} AND prev_hour < ${h1}`);
  }
  if (parts.length === 0) return 0;
  const [row] = await sql<{ n: number }[]>`
    WITH z AS (
      SELECT timezone AS tz, (${h1}::timestamptz AT TIME ZONE timezone)::date AS l FROM workspaces WHERE id = ${workspaceId}
    )
    SELECT coalesce(sum(n), 0)::float8 AS n FROM (${parts.reduce((all, next) => sql`${all} UNION ALL ${next}`)}) p`;
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
