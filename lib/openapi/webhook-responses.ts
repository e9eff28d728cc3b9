/**
 * zod schemas of the webhook answers (lib/webhooks/service returns these shapes; webhook-responses.test.ts
 * pins them) and of the events Confab sends (DESIGN §7), for the document's `webhooks` section.
 */
import { z } from 'zod';
import { EVENT_TYPES, TEST_EVENT_TYPES } from '@/lib/webhooks/events';

const dateTime = z.iso.datetime({ offset: true });
/** An alert transition (lib/alerts/check): the rule, what the check held against the threshold, and a link to it. */
const alertEventData = z.object({
  alertId: z.string(),
  name: z.string(),
  metric: z.string(),
  avatarId: z.string().nullable(),
  op: z.enum(['above', 'below']),
  compare: z.enum(['value', 'change']),
  value: z.number().nullable().describe('The value (or relative change) at the check; null for a no-data check'),
  threshold: z.number(),
  window: z.string(),
  at: dateTime.describe('The check’s time'),
  url: z.string().describe('The rule in Confab'),
});
const sentiment = z.object({ score: z.number().nullable(), label: z.enum(['positive', 'neutral', 'negative']).nullable() });

export const webhookSchema = z.object({
  id: z.string().describe('Confab’s id for the endpoint (`wh_…`)'),
  url: z.string().describe('Where events are POSTed'),
  events: z.array(z.enum(EVENT_TYPES)).describe('The event types it receives'),
  description: z.string().nullable(),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().describe('Why Confab disabled it (410 Gone, five days of failures); null when enabled'),
  health: z.object({
    successRate24h: z.number().min(0).max(1).nullable().describe('Share of the last 24 hours’ attempts answered with a 2xx; null without attempts'),
    attempts24h: z.number().int().min(0),
    consecutiveFailures: z.number().int().min(0).describe('Failed attempts since the last success'),
    lastFailure: z.object({ at: dateTime, statusCode: z.number().int().nullable(), error: z.string().nullable() }).nullable(),
  }),
  previousSecretExpiresAt: dateTime.nullable().describe('After a rotation: until when the old secret still signs beside the new one'),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export const createdWebhookSchema = webhookSchema.extend({
  secret: z.string().describe('`whsec_` + base64 of 32 random bytes. Shown only here and by rotation: keep it.'),
});
export const webhookListSchema = z.object({ data: z.array(webhookSchema).describe('Oldest first') });
export const rotatedSecretSchema = z.object({
  secret: z.string().describe('The new `whsec_…` secret'),
  previousSecretExpiresAt: dateTime.describe('The old secret signs beside the new one until then (24 hours)'),
});
export const testQueuedSchema = z.object({ deliveryId: z.string(), eventId: z.string().describe('The `webhook-id` the receiver will see') });
export const redeliveryQueuedSchema = z.object({ deliveryId: z.string(), status: z.literal('pending') });
export const recoveredSchema = z.object({ requeued: z.number().int().min(0).describe('Failed deliveries queued again') });

const deliveryFields = {
  id: z.string().describe('`dlv_…`'),
  eventId: z.string().describe('The event’s id: the `webhook-id` header of every attempt'),
  type: z.enum(TEST_EVENT_TYPES),
  status: z.enum(['pending', 'delivered', 'failed']),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: dateTime.nullable().describe('When a pending delivery is tried next'),
  createdAt: dateTime,
  deliveredAt: dateTime.nullable(),
};
export const deliverySchema = z.object({ ...deliveryFields, attempts: z.number().int().min(0) });
export const deliveryPageSchema = z.object({ data: z.array(deliverySchema).describe('Newest first'), nextCursor: z.string().nullable() });
export const attemptSchema = z.object({
  at: dateTime,
  statusCode: z.number().int().nullable().describe('null when no answer came (timeout, refused target, connection error)'),
  durationMs: z.number().int().min(0),
  responseExcerpt: z.string().nullable().describe('The first 1 KB of the answer'),
  error: z.string().nullable(),
});
export const deliveryDetailSchema = z.object({
  ...deliveryFields,
  attempts: z.array(attemptSchema).describe('Every attempt, oldest first'),
  payload: z.record(z.string(), z.unknown()).describe('The event exactly as sent'),
});

export const conversationDataSchema = z.object({
  id: z.string(),
  avatarId: z.string(),
  customerId: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  startedAt: dateTime,
  endedAt: dateTime.nullable(),
  durationSec: z.number().nullable(),
  messageCount: z.number().int().min(0),
  escalated: z.boolean(),
  sentiment,
  feedback: z.string().nullable(),
});

/** Each event type's `data`. */
export const eventDataSchemas = {
  'conversation.started': z.object({ conversation: conversationDataSchema }),
  'conversation.ended': z.object({ conversation: conversationDataSchema }),
  'message.created': z.object({
    conversationId: z.string(),
    avatarId: z.string(),
    message: z.object({
      id: z.string(),
      role: z.string(),
      content: z.string(),
      createdAt: dateTime,
      tokens: z.object({ prompt: z.number().int().nullable(), completion: z.number().int().nullable() }),
      sentiment,
    }),
  }),
  'conversation.escalated': z.object({ conversationId: z.string(), avatarId: z.string(), reason: z.string().describe('The escalation tool’s name, or `end`'), at: dateTime }),
  'goal.completed': z.object({ goalId: z.string(), goalName: z.string(), conversationId: z.string(), avatarId: z.string(), completedAt: dateTime }),
  'alert.triggered': alertEventData,
  'alert.resolved': alertEventData,
  'webhook.test': z.object({ webhookId: z.string(), message: z.string() }),
} satisfies Record<(typeof TEST_EVENT_TYPES)[number], z.ZodType>;

export const eventSchemaOf = (type: (typeof TEST_EVENT_TYPES)[number]) =>
  z.object({ id: z.string().describe('`evt_…`, also the `webhook-id` header'), type: z.literal(type), createdAt: dateTime, data: eventDataSchemas[type] });
