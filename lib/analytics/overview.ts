/** The headline metrics of DESIGN §3 for a range, and the comparison with the period before it. */
import { countUniqueUsers } from '@/db/queries/analytics-conversations';
import { neutralFeedback } from '@/db/queries/analytics-breakdowns';
import { sumFactsByAvatar, type AvatarFactSums } from '@/db/queries/analytics-facts';
import { FACT_COLUMNS } from '@/db/rollup-columns';
import type { FactSums } from '@/db/queries/analytics-tiers';
import { planRange } from './plan';
import { previousRange } from './range';
import type { AnalyticsFilter, AnalyticsRange, OverviewMetrics, TimeBucket } from './types';

export const TOP_AVATARS = 10;

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The per-bucket figures of a time series, from the rollup sums of that bucket. */
export function bucketMetrics(date: string, s: FactSums | undefined): TimeBucket {
  if (!s) {
    return { date, conversations: 0, uniqueInteractions: 0, messages: 0, userMessages: 0, assistantMessages: 0, tokenUsage: 0, avgResponseTime: null, avgDuration: null };
  }
  return {
    date,
    conversations: s.conversations,
    uniqueInteractions: s.interacted_conversations,
    messages: s.messages,
    userMessages: s.user_messages,
    assistantMessages: s.assistant_messages,
    tokenUsage: s.prompt_tokens + s.completion_tokens,
    avgResponseTime: ratio(s.response_time_sum_ms, s.response_time_count),
    avgDuration: ratio(s.duration_sum_s, s.ended_conversations),
  };
}

/** The sums of all avatars from their per-avatar sums (rollup_daily has no all-avatars row, so this reads nothing twice). */
export function totalOf(avatars: AvatarFactSums[]): FactSums {
  const total = Object.fromEntries(FACT_COLUMNS.map((c) => [c, 0])) as FactSums;
  for (const a of avatars) for (const c of FACT_COLUMNS) total[c] += a[c];
  return total;
}

/** An overview with its per-avatar fact sums (most conversations first), which the Overview page also draws as the avatar breakdown. */
export async function getOverviewAndAvatars(workspaceId: string, filter: AnalyticsFilter): Promise<{ overview: OverviewMetrics; avatars: AvatarFactSums[] }> {
  const plan = planRange(filter.range);
  const avatarId = filter.avatarId ?? null;
  const [avatars, uniqueUsers, feedbackNeutral] = await Promise.all([
    sumFactsByAvatar(workspaceId, plan, avatarId, null),
    countUniqueUsers(workspaceId, plan, avatarId),
    neutralFeedback(workspaceId, plan, avatarId),
  ]);
  const s = totalOf(avatars);
  const bucket = bucketMetrics('', s);
  const overview: OverviewMetrics = {
    conversations: bucket.conversations,
    uniqueInteractions: bucket.uniqueInteractions,
    messages: bucket.messages,
    userMessages: bucket.userMessages,
    assistantMessages: bucket.assistantMessages,
    avgDuration: bucket.avgDuration,
    avgResponseTime: bucket.avgResponseTime,
    tokenUsage: bucket.tokenUsage,
    completionRate: ratio(s.goal_conversations, s.conversations),
    escalationRate: ratio(s.escalated_conversations, s.conversations),
    uniqueUsers,
    feedback: {
      positive: s.feedback_positive,
      negative: s.feedback_negative,
      neutral: feedbackNeutral,
      ratingCount: s.rating_count,
      meanRating: ratio(s.rating_sum, s.rating_count),
    },
    topAvatars: avatars
      .filter((a) => a.conversations > 0)
      .slice(0, TOP_AVATARS)
      .map((a) => ({ id: a.avatar_id, name: a.name, conversations: a.conversations })),
  };
  return { overview, avatars };
}

export async function getOverview(workspaceId: string, filter: AnalyticsFilter): Promise<OverviewMetrics> {
  return (await getOverviewAndAvatars(workspaceId, filter)).overview;
}

export type OverviewComparison = { current: OverviewMetrics; previous: OverviewMetrics; previousRange: AnalyticsRange };

/** The overview of the range and of the period of equal length just before it (see previousRange). */
export async function getOverviewWithComparison(workspaceId: string, filter: AnalyticsFilter): Promise<OverviewComparison> {
  const before = previousRange(filter.range);
  const [current, previous] = await Promise.all([
    getOverview(workspaceId, filter),
    getOverview(workspaceId, { ...filter, range: before }),
  ]);
  return { current, previous, previousRange: before };
}
