/**
 * The building block of every analytics query: the rows of a rollup pair for a range plan — whole local
 * days from the daily table, edge hours from the hourly table — as one UNION ALL with a `day` column
 * (the local date, as text) in front of the requested columns.
 */
import type { PendingQuery, Row } from 'postgres';
import type { RangePlan } from '@/lib/analytics/plan';
import type { FactColumn } from '../rollup-columns';
import { sql } from '../index';

export type Fragment = PendingQuery<Row[]>;
/**
 * A rollup pair; `allAvatarsRow`: the daily table also holds all avatars together under avatar_id ''.
 * `hourlyAll`: a table of the hourly rows summed over avatars (no avatar_id), read for all avatars together.
 */
export type Tier = { daily: string; hourly: string; allAvatarsRow: boolean; hourlyAll?: string };

export const FACTS: Tier = { daily: 'rollup_daily', hourly: 'rollup_hourly', allAvatarsRow: false };
export const DIMENSIONS: Tier = { daily: 'rollup_dimensions_daily', hourly: 'rollup_dimensions', allAvatarsRow: true, hourlyAll: 'rollup_dimensions_all' };
export const TOOLS: Tier = { daily: 'rollup_tools_daily', hourly: 'rollup_tools', allAvatarsRow: true };
export const SOURCES: Tier = { daily: 'rollup_sources_daily', hourly: 'rollup_sources', allAvatarsRow: true, hourlyAll: 'rollup_sources_all' };
export const ESCALATIONS: Tier = { daily: 'rollup_escalations_daily', hourly: 'rollup_escalations', allAvatarsRow: true };

export type FactSums = Record<FactColumn, number>;

/** `coalesce(sum(c), 0)::float8 AS c` for each column: sums arrive as JS numbers. */
export function sums(columns: readonly string[]): Fragment {
  return sql.unsafe(columns.map((c) => `coalesce(sum(${c}), 0)::float8 AS ${c}`).join(', '));
}

export function avatarCondition(avatarId: string | null | undefined): Fragment {
  return avatarId ? sql`AND avatar_id = ${avatarId}` : sql``;
}

/** Which rows to read: one avatar's, or all avatars' — summed, or `perAvatar` (to group by avatar). */
export type Scope = { avatarId?: string | null; perAvatar?: boolean };

function dailyAvatarCondition(tier: Tier, scope: Scope): Fragment {
  if (scope.avatarId) return avatarCondition(scope.avatarId);
  if (!tier.allAvatarsRow) return sql``;
  return scope.perAvatar ? sql`AND avatar_id <> ''` : sql`AND avatar_id = ''`;
}

/**
 * `(SELECT day, <columns> FROM daily … UNION ALL SELECT day, <columns> FROM hourly …)` for the plan,
 * filtered on the workspace (always first), the scope and `where` (a fragment starting with AND).
 */
export function tierRows(
  workspaceId: string,
  plan: RangePlan,
  scope: Scope,
  tier: Tier,
  columns: readonly string[],
  where: Fragment = sql``,
): Fragment {
  const list = sql.unsafe(columns.join(', '));
  const parts: Fragment[] = [];
  const { days, hourSpans } = plan;
  if (days) {
    parts.push(sql`
      SELECT day::text AS day, ${list} FROM ${sql(tier.daily)}
      WHERE workspace_id = ${workspaceId} AND day BETWEEN ${days.first}::date AND ${days.last}::date ${dailyAvatarCondition(tier, scope)} ${where}`);
  }
  const hourly = sql(tier.hourlyAll && !scope.avatarId && !scope.perAvatar ? tier.hourlyAll : tier.hourly);
  for (const span of hourSpans) {
    parts.push(sql`
      SELECT (bucket AT TIME ZONE ${plan.workspaceTimezone})::date::text AS day, ${list} FROM ${hourly}
      WHERE workspace_id = ${workspaceId} AND bucket >= ${span.start} AND bucket < ${span.end} ${avatarCondition(scope.avatarId)} ${where}`);
  }
  if (parts.length === 0) parts.push(sql`SELECT NULL::text AS day, ${list} FROM ${sql(tier.daily)} WHERE false`);
  return sql`(${parts.reduce((all, part) => sql`${all} UNION ALL ${part}`)})`;
}
