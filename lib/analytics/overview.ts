/** The headline metrics of DESIGN §3 for a range, and the comparison with the period before it. */
import { countUniqueUsers } from '@/db/queries/analytics-conversations';
import { neutralFeedback } from '@/db/queries/analytics-breakdowns';
import { sumFacts, sumFactsByAvatar } from '@/db/queries/analytics-facts';
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

export async function getOverview(workspaceId: string, filter: AnalyticsFilter): Promise<OverviewMetrics> {
  const plan = planRange(filter.range);
  const avatarId = filter.avatarId ?? null;
  const [s, uniqueUsers, feedbackNeutral, avatars] = await Promise.all([
    sumFacts(workspaceId, plan, avatarId),
    countUniqueUsers(workspaceId, plan, avatarId),
    neutralFeedback(workspaceId, plan, avatarId),
    sumFactsByAvatar(workspaceId, plan, avatarId, TOP_AVATARS),
  ]);
  const bucket = bucketMetrics('', s);
  return {
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
    topAvatars: avatars.filter((a) => a.conversations > 0).map((a) => ({ id: a.avatar_id, name: a.name, conversations: a.conversations })),
  };
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
