/**
 * Goal completions of conversations started in a range (DESIGN §3: metrics count conversations in range),
 * read from goal_completions by its copy of the conversation's started_at. Bucketing follows the rollups'
 * rule (lib/analytics/plan.ts): a completion counts in the local day of the UTC hour its conversation
 * started in, so completions and the rollups' conversation counts always share their buckets.
 */
import type { RangePlan } from '@/lib/analytics/plan';
import { sql } from '../index';
import type { Fragment } from './analytics-tiers';

export type CompletionCountRow = {
  goal_id: string;
  avatar_id: string;
  /** The local day (`YYYY-MM-DD`), or the UTC hour when counted by hour. */
  bucket: string | Date;
  completions: number;
};

export type RecentCompletionRow = {
  goal_id: string;
  conversation_id: string;
  avatar_id: string;
  avatar_name: string;
  completed_at: Date;
  started_at: Date;
};

function scopeConditions(plan: RangePlan, goalIds: string[], avatarId: string | null): Fragment {
  return sql`
    AND g.goal_id = ANY(${goalIds}::text[])
    AND g.started_at >= ${plan.hourStart} AND g.started_at < ${plan.hourEnd}
    ${avatarId ? sql`AND g.avatar_id = ${avatarId}` : sql``}`;
}

/** Completions per goal, avatar and bucket (only buckets that have some). */
export async function countCompletions(
  workspaceId: string,
  plan: RangePlan,
  goalIds: string[],
  avatarId: string | null,
  by: 'hour' | 'day',
): Promise<CompletionCountRow[]> {
  if (goalIds.length === 0) return [];
  const hour = sql`date_trunc('hour', g.started_at, 'UTC')`;
  const bucket = by === 'hour' ? hour : sql`(${hour} AT TIME ZONE ${plan.workspaceTimezone})::date::text`;
  return sql<CompletionCountRow[]>`
    SELECT g.goal_id, coalesce(g.avatar_id, '') AS avatar_id, ${bucket} AS bucket, count(*)::float8 AS completions
    FROM goal_completions g
    WHERE g.workspace_id = ${workspaceId} ${scopeConditions(plan, goalIds, avatarId)}
    GROUP BY 1, 2, 3`;
}

/** Per goal, the `limit` latest completions (by completion time) of conversations started in the range. */
export async function recentCompletions(
  workspaceId: string,
  plan: RangePlan,
  goalIds: string[],
  avatarId: string | null,
  limit: number,
): Promise<RecentCompletionRow[]> {
  if (goalIds.length === 0) return [];
  return sql<RecentCompletionRow[]>`
    SELECT r.*, coalesce(a.name, r.avatar_id) AS avatar_name
    FROM unnest(${goalIds}::text[]) AS wanted(goal_id)
    CROSS JOIN LATERAL (
      SELECT g.goal_id, g.conversation_id, coalesce(g.avatar_id, '') AS avatar_id, g.completed_at, g.started_at
      FROM goal_completions g
      WHERE g.workspace_id = ${workspaceId} AND g.goal_id = wanted.goal_id ${scopeConditions(plan, goalIds, avatarId)}
      ORDER BY g.completed_at DESC, g.conversation_id
      LIMIT ${limit}
    ) r
    LEFT JOIN avatars a ON a.workspace_id = ${workspaceId} AND a.id = r.avatar_id
    ORDER BY r.goal_id, r.completed_at DESC, r.conversation_id`;
}
