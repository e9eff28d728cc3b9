/**
 * The shapes of every analytics answer (DESIGN §3). lib/analytics computes them, /v1/analytics serves
 * them as JSON, and the dashboard draws them — so the three always agree.
 * Rates are fractions 0..1; durations in seconds; response times in ms; dates as ISO strings.
 */

export type Granularity = 'hour' | 'day' | 'week' | 'month';

/** A resolved range `[start, end)` with the workspace timezone it was read in. */
export type AnalyticsRange = { start: Date; end: Date; timezone: string };

export type AnalyticsFilter = { range: AnalyticsRange; avatarId?: string | null };

export type FeedbackSummary = { positive: number; negative: number; neutral: number; ratingCount: number; meanRating: number | null };

export type OverviewMetrics = {
  conversations: number;
  uniqueInteractions: number;
  messages: number;
  userMessages: number;
  assistantMessages: number;
  avgDuration: number | null;
  avgResponseTime: number | null;
  tokenUsage: number;
  completionRate: number | null;
  escalationRate: number | null;
  uniqueUsers: number;
  feedback: FeedbackSummary;
  topAvatars: { id: string; name: string; conversations: number }[];
};

export type TimeBucket = {
  date: string;
  conversations: number;
  uniqueInteractions: number;
  messages: number;
  userMessages: number;
  assistantMessages: number;
  tokenUsage: number;
  avgResponseTime: number | null;
  avgDuration: number | null;
};

export type TimeSeries = { groupBy: Granularity; timezone: string; data: TimeBucket[] };

/** 7 × 24 message counts, weekday 0 = Monday … 6 = Sunday, hour 0–23 in the workspace timezone. */
export type PeakHours = { timezone: string; data: { weekday: number; hour: number; messages: number }[] };

export type BreakdownDimension = 'device' | 'source' | 'language' | 'country' | 'avatar';
export type Breakdown = { dimension: BreakdownDimension; data: { value: string; label: string; conversations: number; share: number }[] };

export type ToolUsage = { data: { name: string; calls: number; avgDurationMs: number | null; escalations: number }[] };

export type SentimentBucket = { date: string; positive: number; neutral: number; negative: number; meanScore: number | null };
export type SentimentSummary = {
  positive: number;
  neutral: number;
  negative: number;
  meanScore: number | null;
  series: SentimentBucket[];
  byAvatar: { id: string; name: string; positive: number; neutral: number; negative: number; meanScore: number | null }[];
  bySource: { source: string; positive: number; neutral: number; negative: number; meanScore: number | null }[];
  mostNegative: { id: string; avatarId: string; startedAt: string; score: number; firstUserMessage: string | null }[];
};

/** Escalated conversations (DESIGN §3: each counts once, in the range it started in) by why, where and when. */
export type Escalations = {
  /** Equals escalationRate's numerator for the same range and avatar. */
  total: number;
  /** `reason`: the tool name of the first escalation action, or `end_call` for the end call's `escalated: true` alone. */
  byReason: { reason: string; conversations: number; share: number }[];
  byAvatar: { id: string; name: string; conversations: number; share: number }[];
  groupBy: Granularity;
  timezone: string;
  series: { date: string; escalations: number }[];
  /** The latest escalations with the last user message before each, latest first. */
  lastMessages: { conversationId: string; avatarId: string; reason: string; escalatedAt: string | null; lastUserMessage: string | null }[];
  /** Recurring words and phrases of those last user messages. */
  phrases: { phrase: string; conversations: number; conversationIds: string[] }[];
  /** How many of the latest escalations the phrases were drawn from (at most PHRASE_SAMPLE). */
  sampled: number;
};
