/**
 * zod schemas of the analytics answers. The base shapes mirror lib/analytics/types.ts (the test holds them
 * equal, field for field); the endpoints answer them plus the resolved `period`.
 */
import { z } from 'zod';

const count = z.number().int().min(0);
const fraction = z.number().min(0).max(1);

const mean = (what: string) => z.number().nullable().describe(`${what}; null when there is nothing to average`);

export const overviewSchema = z.object({
  conversations: count.describe('Conversations started in the range, initialized-only ones included'),
  uniqueInteractions: count.describe('Conversations in the range that were interacted with'),
  messages: count.describe('Messages (all roles) created in the range'),
  userMessages: count.describe('Messages with role `user`'),
  assistantMessages: count.describe('Messages with role `assistant`'),
  avgDuration: mean('Seconds from start to end of ended conversations that hold a message'),
  avgResponseTime: mean('Milliseconds from a user message to the assistant message answering it'),
  tokenUsage: count.describe('Prompt + completion tokens'),
  completionRate: fraction.nullable().describe('Share of conversations that completed a goal'),
  escalationRate: fraction.nullable().describe('Share of conversations handed to a human'),
  uniqueUsers: count.describe('Distinct customer ids'),
  feedback: z
    .object({
      positive: count,
      negative: count,
      neutral: count,
      ratingCount: count.describe('Conversations with a numeric 1–5 rating'),
      meanRating: mean('Mean 1–5 rating'),
    })
    .describe('Conversations by the feedback they ended with'),
  topAvatars: z.array(z.object({ id: z.string(), name: z.string(), conversations: count })).describe('Most conversations first'),
});

const granularity = z.enum(['hour', 'day', 'week', 'month']);

export const timeSeriesSchema = z.object({
  groupBy: granularity,
  timezone: z.string().describe('IANA timezone the buckets are cut in (the workspace’s)'),
  data: z
    .array(
      z.object({
        date: z.string().describe('Bucket start, ISO 8601'),
        conversations: count,
        uniqueInteractions: count,
        messages: count,
        userMessages: count,
        assistantMessages: count,
        tokenUsage: count,
        avgResponseTime: mean('Milliseconds'),
        avgDuration: mean('Seconds'),
      }),
    )
    .describe('Every bucket of the range, zero-filled, oldest first'),
});

export const peakHoursSchema = z.object({
  timezone: z.string(),
  data: z
    .array(z.object({ weekday: z.number().int().min(0).max(6).describe('0 = Monday … 6 = Sunday'), hour: z.number().int().min(0).max(23), messages: count }))
    .describe('7 × 24 cells'),
});

export const breakdownSchema = z.object({
  dimension: z.enum(['device', 'source', 'language', 'country', 'avatar']),
  data: z
    .array(z.object({ value: z.string(), label: z.string().describe('Display name, e.g. a country or avatar name'), conversations: count, share: fraction }))
    .describe('Largest first'),
});

export const toolUsageSchema = z.object({
  data: z.array(z.object({ name: z.string(), calls: count, avgDurationMs: mean('Milliseconds'), escalations: count })),
});

const share = z
  .object({ positive: fraction, neutral: fraction, negative: fraction })
  .describe('Fractions of the conversations that have a sentiment (those with user messages)');
const sentimentCounts = { positive: count, neutral: count, negative: count, meanScore: mean('Mean VADER score'), share };

/** What getSentiment answers: SentimentSummary with shares, plus the bucket size and timezone of its series. */
export const sentimentSummarySchema = z.object({
  ...sentimentCounts,
  groupBy: granularity,
  timezone: z.string(),
  series: z.array(z.object({ date: z.string(), ...sentimentCounts })).describe('Conversations by label per bucket, zero-filled'),
  byAvatar: z.array(z.object({ id: z.string(), name: z.string(), ...sentimentCounts })),
  bySource: z.array(z.object({ source: z.string().describe('`unknown` when none was sent'), ...sentimentCounts })),
  mostNegative: z
    .array(z.object({ id: z.string(), avatarId: z.string(), startedAt: z.string(), score: z.number(), firstUserMessage: z.string().nullable() }))
    .describe('The conversations with the lowest scores, lowest first (`limit` of them)'),
});

export const escalationsSchema = z.object({
  total: count.describe('Escalated conversations started in the range, each once: the numerator of `escalationRate`'),
  byReason: z
    .array(z.object({ reason: z.string().describe('Tool name of the first escalation action, or `end_call` for the end call’s `escalated: true` alone'), conversations: count, share: fraction }))
    .describe('Most first; `share` of `total`'),
  byAvatar: z.array(z.object({ id: z.string(), name: z.string(), conversations: count, share: fraction })).describe('Most first'),
  groupBy: granularity,
  timezone: z.string(),
  series: z.array(z.object({ date: z.string().describe('Bucket start, ISO 8601'), escalations: count })).describe('Escalated conversations per bucket they started in, zero-filled'),
  lastMessages: z
    .array(
      z.object({
        conversationId: z.string(),
        avatarId: z.string(),
        reason: z.string(),
        escalatedAt: z.string().nullable(),
        lastUserMessage: z.string().nullable().describe('The last user message at or before the escalation (first 1,000 characters); null when there was none'),
      }),
    )
    .describe('The latest escalations, latest first (`limit` of them)'),
  phrases: z
    .array(z.object({ phrase: z.string(), conversations: count, conversationIds: z.array(z.string()).describe('Up to 5 examples, latest first') }))
    .describe('Words and 2–3-word phrases (stop words removed) recurring in those last user messages, in at least 2 conversations; most first'),
  sampled: count.describe('How many of the latest escalations (at most 1,000) the phrases were drawn from'),
});

/** Every analytics answer also says which range it covers. */
const period = z
  .object({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }), timezone: z.string() })
  .describe('The range `[start, end)` the answer covers, resolved in the workspace timezone');
const withPeriod = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) => schema.extend({ period });

export const overviewResponseSchema = withPeriod(overviewSchema);
export const avatarOverviewResponseSchema = withPeriod(overviewSchema).extend({ avatar: z.object({ id: z.string(), name: z.string() }) });
export const timeSeriesResponseSchema = withPeriod(timeSeriesSchema);
export const peakHoursResponseSchema = withPeriod(peakHoursSchema);
export const breakdownResponseSchema = withPeriod(breakdownSchema);
export const toolUsageResponseSchema = withPeriod(toolUsageSchema);
export const sentimentResponseSchema = withPeriod(sentimentSummarySchema);
export const escalationsResponseSchema = withPeriod(escalationsSchema);
