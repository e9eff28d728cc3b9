/**
 * One zod schema per ingest payload (DESIGN §4). Unknown keys are ignored (stripped), and every optional
 * field also accepts `null` as "not given", because SDKs in other languages send nulls for absent fields.
 */
import { z } from 'zod';
import {
  durationMs,
  feedbackValue,
  identifier,
  ipAddress,
  jsonObject,
  jsonValue,
  label,
  languageTag,
  MAX_CONTENT_CHARS,
  text,
  timestamp,
  tokenCount,
} from './schema-primitives';

export const MAX_BATCH_ITEMS = 1000;
export const MAX_MESSAGES_PER_REQUEST = 1000;

export const deviceSchema = z.enum(['desktop', 'tablet', 'mobile'], 'Must be one of desktop, tablet, mobile');
export const messageRoleSchema = z.enum(['user', 'assistant', 'system'], 'Must be one of user, assistant, system');

/** `POST /v1/conversations` (get-or-create) and `POST /v1/conversations/initialize`. */
export const conversationBodySchema = z.object({
  id: identifier,
  avatarId: identifier,
  customerId: identifier.nullish(),
  customerIpAddress: ipAddress.nullish(),
  device: deviceSchema.nullish(),
  source: label(100).nullish(),
  language: languageTag.nullish(),
  userAgent: label(2000).nullish(),
  metadata: jsonObject.nullish(),
  startedAt: timestamp.nullish(),
});

/**
 * `POST /v1/conversations/{id}/messages`. `avatarId` is an extension to DESIGN: when the message is the
 * first thing Confab hears of a conversation, the conversation is created for that avatar (else `unknown`,
 * adopted later by a get-or-create naming the avatar).
 */
export const messageBodySchema = z.object({
  id: identifier.nullish(),
  role: messageRoleSchema,
  content: text(MAX_CONTENT_CHARS),
  createdAt: timestamp.nullish(),
  tokens: z
    .object({ prompt: tokenCount.nullish(), completion: tokenCount.nullish() })
    .nullish(),
  metadata: jsonObject.nullish(),
  avatarId: identifier.nullish(),
});

export const messageListBodySchema = z.object({
  messages: z.array(messageBodySchema).min(1).max(MAX_MESSAGES_PER_REQUEST),
});

/** `POST /v1/conversations/{id}/actions` (a tool call); `avatarId` as for messages. */
export const actionBodySchema = z.object({
  id: identifier.nullish(),
  name: identifier,
  startedAt: timestamp.nullish(),
  durationMs: durationMs.nullish(),
  status: label(50).nullish(),
  input: jsonValue.nullish(),
  output: jsonValue.nullish(),
  avatarId: identifier.nullish(),
});

/** `POST /v1/conversations/{id}/end`; `avatarId` as for messages. */
export const endBodySchema = z.object({
  endedAt: timestamp.nullish(),
  feedback: feedbackValue.nullish(),
  escalated: z.boolean().nullish(),
  metadata: jsonObject.nullish(),
  avatarId: identifier.nullish(),
});

/** `POST /v1/events` (analytics.track). */
export const eventBodySchema = z.object({
  id: identifier.nullish(),
  name: identifier,
  conversationId: identifier.nullish(),
  avatarId: identifier.nullish(),
  properties: jsonObject.nullish(),
  timestamp: timestamp.nullish(),
});

export const BATCH_ITEM_TYPES = [
  'conversation',
  'conversation.initialize',
  'message',
  'action',
  'conversation.end',
  'event',
] as const;
export type BatchItemType = (typeof BATCH_ITEM_TYPES)[number];

const withConversationId = { conversationId: identifier };

/** The body of each batch item type: the single endpoint's body, plus `conversationId` where the URL held it. */
export const batchBodySchemas = {
  conversation: conversationBodySchema,
  'conversation.initialize': conversationBodySchema,
  message: messageBodySchema.extend(withConversationId),
  action: actionBodySchema.extend(withConversationId),
  'conversation.end': endBodySchema.extend(withConversationId),
  event: eventBodySchema,
} as const;

/** A batch item's envelope; its body is validated by `batchBodySchemas[type]`, one item at a time. */
export const batchItemSchema = z.object({
  id: identifier,
  type: z.enum(BATCH_ITEM_TYPES, `Must be one of ${BATCH_ITEM_TYPES.join(', ')}`),
  timestamp: timestamp.nullish(),
  // Checked, not copied: the body is validated (and copied) once, by its type's schema.
  body: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'Must be an object'),
});

/** `POST /v1/batch`: the envelope only, so that one bad item never rejects the others. */
export const batchRequestSchema = z.object({
  batch: z.array(z.unknown()).max(MAX_BATCH_ITEMS, `At most ${MAX_BATCH_ITEMS} items per batch`),
});

export type ConversationBody = z.output<typeof conversationBodySchema>;
export type MessageBody = z.output<typeof messageBodySchema>;
export type ActionBody = z.output<typeof actionBodySchema>;
export type EndBody = z.output<typeof endBodySchema>;
export type EventBody = z.output<typeof eventBodySchema>;
export type BatchRequest = z.input<typeof batchRequestSchema>;

/** The `{id}` of `/v1/conversations/{id}/…`. */
export const conversationParamsSchema = z.object({ id: identifier });
