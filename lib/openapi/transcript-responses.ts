/** zod schemas of the transcript answers (lib/transcripts builds them as plain objects); the test pins them to its types. */
import { z } from 'zod';

const dateTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const sentiment = z.object({ score: z.number(), label: z.enum(['positive', 'neutral', 'negative']) }).nullable();
const tokens = z.object({ prompt: count, completion: count, total: count });
const json = z.record(z.string(), z.unknown()).nullable();

export const conversationSummarySchema = z.object({
  id: z.string(),
  avatarId: z.string(),
  avatarName: z.string(),
  customerId: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  startedAt: dateTime,
  endedAt: dateTime.nullable(),
  duration: z.number().nullable().describe('Seconds from start to end; null while active'),
  messages: count,
  userMessages: count,
  assistantMessages: count,
  tokens,
  sentiment,
  escalated: z.boolean(),
  goalReached: z.boolean(),
  device: z.string().nullable(),
  source: z.string().nullable(),
  language: z.string().nullable(),
  country: z.string().nullable(),
  feedback: z.string().nullable(),
  firstUserMessage: z.string().nullable().describe('The start of the first user message, for previews'),
});

export const conversationPageSchema = z.object({
  data: z.array(conversationSummarySchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  prevCursor: z.string().nullable().describe('Pass as `cursor` for the previous page; null on the first page'),
});

export const transcriptSchema = z.object({
  id: z.string(),
  avatarId: z.string(),
  avatarName: z.string(),
  customerId: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  startedAt: dateTime,
  endedAt: dateTime.nullable(),
  lastActivityAt: dateTime.nullable(),
  duration: z.number().nullable().describe('Seconds; null while active'),
  device: z.string().nullable(),
  source: z.string().nullable(),
  language: z.string().nullable(),
  country: z.string().nullable(),
  metadata: json,
  feedback: z.string().nullable(),
  feedbackRating: z.number().nullable(),
  escalated: z.boolean(),
  escalatedAt: dateTime.nullable(),
  goalReached: z.boolean(),
  sentiment,
  tokens,
  messages: z
    .array(
      z.object({
        id: z.string(),
        role: z.enum(['user', 'assistant', 'system']),
        content: z.string(),
        createdAt: dateTime,
        tokens: z.object({ prompt: count, completion: count }),
        responseTimeMs: z.number().nullable(),
        sentiment,
        metadata: json,
      }),
    )
    .describe('Oldest first'),
  actions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      startedAt: dateTime,
      durationMs: z.number().nullable(),
      status: z.string().nullable(),
      input: z.unknown(),
      output: z.unknown(),
      isEscalation: z.boolean().describe('A call to one of the workspace’s escalation tools'),
    }),
  ),
  events: z.array(z.object({ id: z.string(), name: z.string(), properties: json, timestamp: dateTime })),
  goalCompletions: z.array(
    z.object({
      goalId: z.string(),
      name: z.string(),
      completedAt: dateTime,
      messageId: z.string().nullable(),
      eventId: z.string().nullable(),
      actionId: z.string().nullable(),
      source: z.string(),
    }),
  ),
});

export const erasedCustomerSchema = z.object({ deleted: count.describe('Conversations erased; 0 when the customer had none') });
