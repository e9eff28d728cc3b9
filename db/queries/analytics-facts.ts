/** Sums of the conversation and message counters (rollup_daily / rollup_hourly) over a range plan. */
import type { RangePlan } from '@/lib/analytics/plan';
import { sql } from '../index';
import { FACT_COLUMNS } from '../rollup-columns';
import { avatarCondition, FACTS, sums, tierRows, type FactSums } from './analytics-tiers';

export type AvatarFactSums = FactSums & { avatar_id: string; name: string };

/** Per avatar, most conversations first; `limit` null for all of them. */
export async function sumFactsByAvatar(
  workspaceId: string,
  plan: RangePlan,
  avatarId: string | null | undefined,
  limit: number | null,
): Promise<AvatarFactSums[]> {
  return sql<AvatarFactSums[]>`
    SELECT f.avatar_id, coalesce(min(a.name), f.avatar_id) AS name, ${sums(FACT_COLUMNS)}
    FROM ${tierRows(workspaceId, plan, { avatarId, perAvatar: true }, FACTS, ['avatar_id', ...FACT_COLUMNS])} f
    LEFT JOIN avatars a ON a.workspace_id = ${workspaceId} AND a.id = f.avatar_id
    GROUP BY f.avatar_id
    HAVING sum(f.conversations) > 0 OR sum(f.messages) > 0
    ORDER BY sum(f.conversations) DESC, f.avatar_id
    ${limit === null ? sql`` : sql`LIMIT ${limit}`}`;
}

/** Per local day (only days with rows). */
export async function sumFactsByDay(workspaceId: string, plan: RangePlan, avatarId?: string | null): Promise<(FactSums & { day: string })[]> {
  return sql<(FactSums & { day: string })[]>`
    SELECT f.day, ${sums(FACT_COLUMNS)} FROM ${tierRows(workspaceId, plan, { avatarId }, FACTS, FACT_COLUMNS)} f GROUP BY f.day`;
}

/** Per UTC hour of the plan (only hours with rows), from the hourly tier. */
export async function sumFactsByHour(workspaceId: string, plan: RangePlan, avatarId?: string | null): Promise<(FactSums & { bucket: Date })[]> {
  return sql<(FactSums & { bucket: Date })[]>`
    SELECT bucket, ${sums(FACT_COLUMNS)} FROM rollup_hourly
    WHERE workspace_id = ${workspaceId} AND bucket >= ${plan.hourStart} AND bucket < ${plan.hourEnd} ${avatarCondition(avatarId)}
    GROUP BY bucket`;
}

/** Messages by local weekday (0 = Monday) and hour, from the hourly tier: the local time at which each UTC hour starts. */
export async function messagesByWeekdayHour(
  workspaceId: string,
  plan: RangePlan,
  avatarId?: string | null,
): Promise<{ weekday: number; hour: number; messages: number }[]> {
  return sql<{ weekday: number; hour: number; messages: number }[]>`
    SELECT extract(isodow FROM local)::int - 1 AS weekday, extract(hour FROM local)::int AS hour, sum(messages)::float8 AS messages
    FROM (
      SELECT bucket AT TIME ZONE ${plan.workspaceTimezone} AS local, sum(messages) AS messages FROM rollup_hourly
      WHERE workspace_id = ${workspaceId} AND bucket >= ${plan.hourStart} AND bucket < ${plan.hourEnd} ${avatarCondition(avatarId)}
      GROUP BY bucket
    ) h
    GROUP BY 1, 2`;
}
