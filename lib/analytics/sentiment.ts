/**
 * Sentiment of conversations started in the range (DESIGN §3: a conversation's score is the mean VADER
 * score of its user messages). Conversations without user messages have no sentiment and are left out.
 * Counts are conversations; `share` gives the fractions of the conversations with a sentiment.
 */
import { mostNegativeConversations } from '@/db/queries/analytics-conversations';
import { factsBySource } from '@/db/queries/analytics-breakdowns';
import { sumFactsByAvatar } from '@/db/queries/analytics-facts';
import type { FactSums } from '@/db/queries/analytics-tiers';
import { addSums } from './buckets';
import { ratio } from './overview';
import { planRange } from './plan';
import { defaultGroupBy, sumsByBucket } from './time-series';
import type { AnalyticsFilter, Granularity, SentimentBucket, SentimentSummary } from './types';
import { UNKNOWN } from './breakdowns';

export const MOST_NEGATIVE_DEFAULT = 10;

type Counts = { positive: number; neutral: number; negative: number; scoreSum: number };
export type SentimentShare = { positive: number; neutral: number; negative: number };
type WithShare<T> = T & { share: SentimentShare };

function summarize(c: Counts): { positive: number; neutral: number; negative: number; meanScore: number | null; share: SentimentShare } {
  const scored = c.positive + c.neutral + c.negative;
  return {
    positive: c.positive,
    neutral: c.neutral,
    negative: c.negative,
    meanScore: ratio(c.scoreSum, scored),
    share: { positive: ratio(c.positive, scored) ?? 0, neutral: ratio(c.neutral, scored) ?? 0, negative: ratio(c.negative, scored) ?? 0 },
  };
}

const fromFacts = (s: FactSums | undefined): Counts =>
  s
    ? { positive: s.positive_conversations, neutral: s.neutral_conversations, negative: s.negative_conversations, scoreSum: s.sentiment_score_sum }
    : { positive: 0, neutral: 0, negative: 0, scoreSum: 0 };

export type SentimentResult = WithShare<SentimentSummary> & {
  groupBy: Granularity;
  timezone: string;
  series: WithShare<SentimentBucket>[];
};

export async function getSentiment(
  workspaceId: string,
  filter: AnalyticsFilter,
  options: { groupBy?: Granularity; limit?: number } = {},
): Promise<SentimentResult> {
  const plan = planRange(filter.range);
  const groupBy = options.groupBy ?? defaultGroupBy(filter);
  const [{ buckets, sums }, avatars, sources, negative] = await Promise.all([
    sumsByBucket(workspaceId, plan, filter.avatarId, groupBy),
    sumFactsByAvatar(workspaceId, plan, filter.avatarId, null),
    factsBySource(workspaceId, plan, filter.avatarId),
    mostNegativeConversations(workspaceId, plan, filter.avatarId, options.limit ?? MOST_NEGATIVE_DEFAULT),
  ]);
  let total: FactSums | undefined;
  for (const s of sums.values()) total = addSums(total, s);
  return {
    ...summarize(fromFacts(total)),
    groupBy,
    timezone: filter.range.timezone,
    series: buckets.map((b) => ({ date: b.date, ...summarize(fromFacts(sums.get(b.key))) })),
    byAvatar: avatars.map((a) => ({ id: a.avatar_id, name: a.name, ...summarize(fromFacts(a)) })),
    bySource: sources.map((s) => ({
      source: s.source === '' ? UNKNOWN : s.source,
      ...summarize({ positive: s.positive_conversations, neutral: s.neutral_conversations, negative: s.negative_conversations, scoreSum: s.sentiment_score_sum }),
    })),
    mostNegative: negative.map((n) => ({
      id: n.id,
      avatarId: n.avatar_id,
      startedAt: n.started_at.toISOString(),
      score: n.score,
      firstUserMessage: n.first_user_message,
    })),
  };
}
