/**
 * zod schemas of the /v1 answers that have no schema of their own (the handlers build them as plain
 * objects). They exist to be converted into the OpenAPI document; tests pin them to the code's shapes.
 */
import { z } from 'zod';

const dateTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const sentimentLabel = z.enum(['positive', 'neutral', 'negative']);
const sentiment = z
  .object({
    score: z.number().min(-1).max(1).describe('VADER compound score, −1 to 1'),
    label: sentimentLabel.describe('≥ 0.05 positive, ≤ −0.05 negative, else neutral'),
  })
  .nullable();

export const errorResponseSchema = z.object({
  error: z.object({
    code: z
      .enum(['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'payload_too_large', 'validation_error', 'rate_limited', 'internal_error'])
      .describe('Stable, machine-readable error code'),
    message: z.string().describe('A sentence for humans; wording may change'),
    details: z
      .array(
        z.object({
          path: z.string().describe('Dotted path of the offending field, e.g. `messages.0.role`, or `(root)`'),
          message: z.string(),
        }),
      )
      .optional()
      .describe('Present on 422: one entry per invalid field'),
  }),
});

export const conversationSchema = z.object({
  id: z.string().describe('Your conversation id'),
  avatarId: z.string(),
  customerId: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  interacted: z.boolean().describe('False while a conversation is only initialized'),
  initializedAt: dateTime.nullable(),
  startedAt: dateTime,
  endedAt: dateTime.nullable(),
  endReason: z.enum(['client', 'inactivity']).nullable().describe('`client` (the end call) or `inactivity` (closed after the workspace’s idle timeout; it reopens if the conversation continues)'),
  lastActivityAt: dateTime,
  country: z.string().length(2).nullable().describe('ISO 3166-1 alpha-2, from the IP address (the IP is not stored)'),
  device: z.enum(['desktop', 'tablet', 'mobile']).nullable(),
  source: z.string().nullable(),
  language: z.string().nullable().describe('As given, else detected from user messages'),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  feedback: z.enum(['positive', 'negative', 'neutral']).nullable().describe('Read from the end call’s `feedback` or `metadata.feedback`'),
  feedbackRating: z.number().int().min(1).max(5).nullable(),
  escalated: z.boolean(),
  escalatedAt: dateTime.nullable(),
  goalReached: z.boolean(),
  messageCount: count,
  userMessageCount: count,
  assistantMessageCount: count,
  systemMessageCount: count,
  actionCount: count,
  tokens: z.object({ prompt: count, completion: count }),
  sentiment: sentiment.describe('Mean of the user messages’ scores; null before the first user message'),
});

export const messageSchema = z.object({
  id: z.string().describe('Your message id, or one Confab assigned'),
  conversationId: z.string(),
  role: z.enum(['user', 'assistant', 'system']),
  createdAt: dateTime,
  responseTimeMs: count.nullable().describe('Assistant messages answering a user message: the gap between the two'),
  sentiment: sentiment.describe('User messages only'),
});

export const messageListSchema = z.object({ messages: z.array(messageSchema).describe('In request order') });

/** A single message answers with the message, `{ messages }` with the list. */
export const messageResponseSchema = z.union([messageSchema, messageListSchema]);

export const actionSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  name: z.string(),
  startedAt: dateTime,
  durationMs: count.nullable(),
  status: z.string().nullable(),
  isEscalation: z.boolean().describe('True when `name` is one of the workspace’s escalation tools'),
});

export const eventSchema = z.object({
  id: z.string(),
  name: z.string(),
  conversationId: z.string().nullable(),
  avatarId: z.string().nullable(),
  timestamp: dateTime,
});

export const batchResultSchema = z.object({
  results: z
    .array(
      z.object({
        id: z.string().nullable().describe('The item’s id (null when the item had none)'),
        status: z.number().int().describe('201 created, 200 already there (or updated), 422 invalid'),
        error: errorResponseSchema.shape.error.optional().describe('Only on 422'),
      }),
    )
    .describe('One per item, in input order'),
});

export * from './analytics-responses';
