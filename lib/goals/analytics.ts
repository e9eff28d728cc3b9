/**
 * Goal analytics for a range (DESIGN §3): per goal, the conversations started in the range that completed
 * it, its completion rate against the conversations the Overview counts (from the same rollups), the rate
 * over time and by avatar, and the latest completing conversations. A goal tied to an avatar is measured
 * against that avatar's conversations only.
 */
import { z } from 'zod';
import { identifier } from '@/lib/ingest/parse/schema-primitives';
import { sumFactsByAvatar, type AvatarFactSums } from '@/db/queries/analytics-facts';
import { countCompletions, recentCompletions, type CompletionCountRow } from '@/db/queries/goal-analytics';
import { findGoalRow, listGoalRows, type GoalRow } from '@/db/queries/goals';
import { bucketKeyOfDay, type Bucket } from '@/lib/analytics/buckets';
import { ratio } from '@/lib/analytics/overview';
import { planRange, type RangePlan } from '@/lib/analytics/plan';
import { GRANULARITIES, rangeQuerySchema } from '@/lib/analytics/schemas';
import { sumsByBucket } from '@/lib/analytics/time-series';
import type { AnalyticsFilter, Granularity } from '@/lib/analytics/types';

/** What the figures need of a goal (a goal row, or the service's Goal). */
type GoalRef = Pick<GoalRow, 'id' | 'name' | 'avatarId'>;

export const RECENT_COMPLETIONS_DEFAULT = 10;

export const goalAnalyticsQuerySchema = rangeQuerySchema.extend({
  groupBy: z.enum(GRANULARITIES, `Must be one of ${GRANULARITIES.join(', ')}`).default('day'),
  limit: z.coerce.number().int().min(1).max(100).default(RECENT_COMPLETIONS_DEFAULT),
});

export const goalParamsSchema = z.object({ id: identifier });

export type GoalTrendBucket = { date: string; completions: number; conversations: number; completionRate: number | null };
export type GoalAvatarStats = { id: string; name: string; completions: number; conversations: number; completionRate: number | null };
export type GoalCompletionLink = { id: string; avatarId: string; avatarName: string; completedAt: string; startedAt: string };

export type GoalStats = {
  id: string;
  name: string;
  avatarId: string | null;
  completions: number;
  conversations: number;
  completionRate: number | null;
  trend: GoalTrendBucket[];
  byAvatar: GoalAvatarStats[];
  recentCompletions: GoalCompletionLink[];
};

/** The bucket size and timezone of the trends. */
export type GoalAnalyticsFrame = { groupBy: Granularity; timezone: string };

export type GoalAnalytics = GoalAnalyticsFrame & {
  /** Conversations in the range (of the filtered avatar), as the Overview counts them. */
  conversations: number;
  /** Of those, the ones that completed at least one goal: the Overview's completion rate. */
  completedConversations: number;
  completionRate: number | null;
  goals: GoalStats[];
};
export type GoalAnalyticsOptions = { groupBy?: Granularity; limit?: number };

/** Conversations of one avatar scope (null: all avatars) per bucket and per avatar. */
type Denominator = { buckets: Bucket[]; byBucket: Map<string, number>; byAvatar: AvatarFactSums[]; goalConversations: number };

async function loadDenominator(workspaceId: string, plan: RangePlan, avatarId: string | null, groupBy: Granularity): Promise<Denominator> {
  const [{ buckets, sums }, byAvatar] = await Promise.all([
    sumsByBucket(workspaceId, plan, avatarId, groupBy),
    sumFactsByAvatar(workspaceId, plan, avatarId, null),
  ]);
  let goalConversations = 0;
  for (const s of sums.values()) goalConversations += s.goal_conversations;
  return { buckets, byBucket: new Map([...sums].map(([key, s]) => [key, s.conversations])), byAvatar, goalConversations };
}

/** The avatar a goal is measured on under the filter; `empty` when goal and filter name different avatars. */
function scopeOf(goal: GoalRef, filterAvatarId: string | null): { avatarId: string | null; empty: boolean } {
  if (goal.avatarId && filterAvatarId && goal.avatarId !== filterAvatarId) return { avatarId: goal.avatarId, empty: true };
  return { avatarId: goal.avatarId ?? filterAvatarId, empty: false };
}

const bucketKey = (row: CompletionCountRow, groupBy: Granularity) =>
  row.bucket instanceof Date ? row.bucket.toISOString() : groupBy === 'hour' ? row.bucket : bucketKeyOfDay(row.bucket, groupBy);

function statsOf(goal: GoalRef, rows: CompletionCountRow[], denominator: Denominator, empty: boolean, groupBy: Granularity, scopeAvatar: string | null): Omit<GoalStats, 'recentCompletions'> {
  const completionsByBucket = new Map<string, number>();
  const completionsByAvatar = new Map<string, number>();
  let completions = 0;
  // A completion outside the goal's scope (its conversation moved avatar) is not counted against it.
  for (const row of empty ? [] : rows) {
    if (scopeAvatar && row.avatar_id !== scopeAvatar) continue;
    const key = bucketKey(row, groupBy);
    completionsByBucket.set(key, (completionsByBucket.get(key) ?? 0) + row.completions);
    completionsByAvatar.set(row.avatar_id, (completionsByAvatar.get(row.avatar_id) ?? 0) + row.completions);
    completions += row.completions;
  }
  const trend = denominator.buckets.map((b) => {
    const c = completionsByBucket.get(b.key) ?? 0;
    const n = empty ? 0 : (denominator.byBucket.get(b.key) ?? 0);
    return { date: b.date, completions: c, conversations: n, completionRate: ratio(c, n) };
  });
  const conversations = trend.reduce((sum, b) => sum + b.conversations, 0);
  const avatars = new Map<string, GoalAvatarStats>();
  for (const a of empty ? [] : denominator.byAvatar) {
    if (a.conversations > 0) avatars.set(a.avatar_id, { id: a.avatar_id, name: a.name, completions: 0, conversations: a.conversations, completionRate: null });
  }
  for (const [id, c] of completionsByAvatar) {
    const a = avatars.get(id) ?? { id, name: id, completions: 0, conversations: 0, completionRate: null };
    avatars.set(id, { ...a, completions: c });
  }
  const byAvatar = [...avatars.values()]
    .map((a) => ({ ...a, completionRate: ratio(a.completions, a.conversations) }))
    .sort((x, y) => y.completions - x.completions || y.conversations - x.conversations || x.id.localeCompare(y.id));
  return { id: goal.id, name: goal.name, avatarId: goal.avatarId, completions, conversations, completionRate: ratio(completions, conversations), trend, byAvatar };
}

// Map.groupBy needs Node 21; the engines field allows Node 20.
function byGoal<T extends { goal_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.goal_id);
    if (list) list.push(row);
    else out.set(row.goal_id, [row]);
  }
  return out;
}

export async function analyticsOfGoals(workspaceId: string, goals: GoalRef[], filter: AnalyticsFilter, options: GoalAnalyticsOptions): Promise<GoalAnalytics> {
  const groupBy = options.groupBy ?? 'day';
  const plan = planRange(filter.range);
  const filterAvatar = filter.avatarId ?? null;
  const scopes = goals.map((g) => scopeOf(g, filterAvatar));
  // Goals on the same avatar scope share one set of rollup reads.
  const denominators = new Map<string, Promise<Denominator>>();
  const denominatorOf = (avatarId: string | null) => {
    const key = avatarId ?? '';
    if (!denominators.has(key)) denominators.set(key, loadDenominator(workspaceId, plan, avatarId, groupBy));
    return denominators.get(key)!;
  };
  const ids = goals.map((g) => g.id);
  const [counts, recent, perGoal, overall] = await Promise.all([
    countCompletions(workspaceId, plan, ids, filterAvatar, groupBy === 'hour' ? 'hour' : 'day'),
    recentCompletions(workspaceId, plan, ids, filterAvatar, options.limit ?? RECENT_COMPLETIONS_DEFAULT),
    Promise.all(scopes.map((s) => denominatorOf(s.avatarId))),
    denominatorOf(filterAvatar),
  ]);
  let conversations = 0;
  for (const n of overall.byBucket.values()) conversations += n;
  const rowsOf = byGoal(counts);
  const recentOf = byGoal(recent);
  return {
    groupBy,
    timezone: filter.range.timezone,
    conversations,
    completedConversations: overall.goalConversations,
    completionRate: ratio(overall.goalConversations, conversations),
    goals: goals.map((goal, i) => ({
      ...statsOf(goal, rowsOf.get(goal.id) ?? [], perGoal[i], scopes[i].empty, groupBy, scopes[i].avatarId),
      recentCompletions: (scopes[i].empty ? [] : (recentOf.get(goal.id) ?? [])).map((r) => ({
        id: r.conversation_id,
        avatarId: r.avatar_id,
        avatarName: r.avatar_name,
        completedAt: r.completed_at.toISOString(),
        startedAt: r.started_at.toISOString(),
      })),
    })),
  };
}

/** Every goal of the workspace, oldest first. */
export function getGoalsAnalytics(workspaceId: string, filter: AnalyticsFilter, options: GoalAnalyticsOptions = {}): Promise<GoalAnalytics> {
  return listGoalRows(workspaceId).then((goals) => analyticsOfGoals(workspaceId, goals, filter, options));
}

/** One goal; null when the workspace has no such goal. */
export async function getGoalAnalytics(
  workspaceId: string,
  goalId: string,
  filter: AnalyticsFilter,
  options: GoalAnalyticsOptions = {},
): Promise<(GoalStats & GoalAnalyticsFrame) | null> {
  const goal = await findGoalRow(workspaceId, goalId);
  if (!goal) return null;
  const { goals, groupBy, timezone } = await analyticsOfGoals(workspaceId, [goal], filter, options);
  return { ...goals[0], groupBy, timezone };
}
