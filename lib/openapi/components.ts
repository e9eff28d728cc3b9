/**
 * Every zod schema the document names under components.schemas. Request bodies are the handlers' own
 * schemas; the few compositions below only combine them (never restate a field) for documentation.
 */
import { z } from 'zod';
import {
  actionBodySchema,
  BATCH_ITEM_TYPES,
  batchBodySchemas,
  batchItemSchema,
  conversationBodySchema,
  endBodySchema,
  eventBodySchema,
  MAX_BATCH_ITEMS,
  messageBodySchema,
  messageListBodySchema,
  type BatchItemType,
} from '@/lib/ingest/parse/schemas';
import { avatarInputSchema, avatarPatchSchema } from '@/lib/avatars/service';
import { goalInputSchema, goalPatchSchema } from '@/lib/goals/service';
import { goalTriggerSchema } from '@/lib/goals/triggers';
import { funnelInputSchema, funnelPatchSchema, funnelStepSchema } from '@/lib/funnels/schemas';
import * as alerts from './alert-responses';
import * as avatars from './avatar-responses';
import * as funnels from './funnel-responses';
import * as goals from './goal-responses';
import * as responses from './responses';
import * as transcripts from './transcript-responses';
import * as webhooks from './webhook-responses';
import { webhookInputSchema, webhookPatchSchema, webhookRecoverSchema, webhookTestSchema } from '@/lib/webhooks/service';
import { TEST_EVENT_TYPES } from '@/lib/webhooks/events';
import { alertRulePatchSchema, alertRuleSchema, previewSchema, snoozeSchema } from '@/lib/alerts/schemas';

/** A batch item with its `body` typed by `type`: the envelope of batchItemSchema around batchBodySchemas. */
const batchItemOf = <T extends BatchItemType>(type: T) =>
  batchItemSchema.extend({ type: z.literal(type), body: batchBodySchemas[type] });

const batchItemVariants = BATCH_ITEM_TYPES.map(batchItemOf);

/** What `POST /v1/batch` accepts item by item (the handler validates each item on its own, so one bad item never sinks the rest). */
export const batchRequestDocSchema = z.object({
  batch: z.array(z.discriminatedUnion('type', batchItemVariants as [(typeof batchItemVariants)[number], ...(typeof batchItemVariants)[number][]])).max(MAX_BATCH_ITEMS),
});

/** `POST /v1/conversations/{id}/messages` takes one message or a list. */
export const messageRequestSchema = z.union([messageBodySchema, messageListBodySchema]);

export const componentSchemas = {
  ConversationBody: conversationBodySchema,
  MessageBody: messageBodySchema,
  MessageListBody: messageListBodySchema,
  MessageRequest: messageRequestSchema,
  ActionBody: actionBodySchema,
  EndBody: endBodySchema,
  EventBody: eventBodySchema,
  BatchMessageBody: batchBodySchemas.message,
  BatchActionBody: batchBodySchemas.action,
  BatchEndBody: batchBodySchemas['conversation.end'],
  BatchRequest: batchRequestDocSchema,
  Error: responses.errorResponseSchema,
  Conversation: responses.conversationSchema,
  Message: responses.messageSchema,
  MessageList: responses.messageListSchema,
  MessageResponse: responses.messageResponseSchema,
  Action: responses.actionSchema,
  Event: responses.eventSchema,
  BatchResult: responses.batchResultSchema,
  Overview: responses.overviewResponseSchema,
  AvatarOverview: responses.avatarOverviewResponseSchema,
  TimeSeries: responses.timeSeriesResponseSchema,
  PeakHours: responses.peakHoursResponseSchema,
  Breakdown: responses.breakdownResponseSchema,
  ToolUsage: responses.toolUsageResponseSchema,
  Sentiment: responses.sentimentResponseSchema,
  Escalations: responses.escalationsResponseSchema,
  ConversationPage: transcripts.conversationPageSchema,
  Transcript: transcripts.transcriptSchema,
  ErasedCustomer: transcripts.erasedCustomerSchema,
  AvatarBody: avatarInputSchema,
  AvatarPatch: avatarPatchSchema,
  Avatar: avatars.avatarSchema,
  AvatarList: avatars.avatarListSchema,
  GoalTrigger: goalTriggerSchema,
  GoalBody: goalInputSchema,
  GoalPatch: goalPatchSchema,
  Goal: goals.goalSchema,
  GoalList: goals.goalListSchema,
  GoalAnalytics: goals.goalAnalyticsSchema,
  OneGoalAnalytics: goals.oneGoalAnalyticsSchema,
  FunnelStep: funnelStepSchema,
  FunnelBody: funnelInputSchema,
  FunnelPatch: funnelPatchSchema,
  Funnel: funnels.funnelSchema,
  FunnelList: funnels.funnelListSchema,
  FunnelReport: funnels.funnelReportSchema,
  WebhookBody: webhookInputSchema,
  WebhookPatch: webhookPatchSchema,
  WebhookTestBody: webhookTestSchema,
  WebhookRecoverBody: webhookRecoverSchema,
  Webhook: webhooks.webhookSchema,
  CreatedWebhook: webhooks.createdWebhookSchema,
  WebhookList: webhooks.webhookListSchema,
  RotatedSecret: webhooks.rotatedSecretSchema,
  TestQueued: webhooks.testQueuedSchema,
  RedeliveryQueued: webhooks.redeliveryQueuedSchema,
  Recovered: webhooks.recoveredSchema,
  Delivery: webhooks.deliverySchema,
  DeliveryPage: webhooks.deliveryPageSchema,
  DeliveryAttempt: webhooks.attemptSchema,
  DeliveryDetail: webhooks.deliveryDetailSchema,
  AlertBody: alertRuleSchema,
  AlertPatch: alertRulePatchSchema,
  AlertSnoozeBody: snoozeSchema,
  AlertPreviewBody: previewSchema,
  AlertRule: alerts.alertRuleSchema,
  AlertRuleList: alerts.alertRuleListSchema,
  AlertEvent: alerts.alertEventSchema,
  AlertEventList: alerts.alertEventListSchema,
  AlertPreview: alerts.alertPreviewSchema,
  ...eventComponents(),
} satisfies Record<string, z.ZodType>;

export function eventComponentName(type: (typeof TEST_EVENT_TYPES)[number]) {
  return `Event.${type}` as const;
}

/** One component per event type, `Event.conversation.started` and so on, for the document's `webhooks`. */
function eventComponents() {
  return Object.fromEntries(TEST_EVENT_TYPES.map((t) => [eventComponentName(t), webhooks.eventSchemaOf(t)])) as unknown as Record<`Event.${(typeof TEST_EVENT_TYPES)[number]}`, z.ZodType>;
}

export type SchemaName = keyof typeof componentSchemas;
