/** Conversations and what happens in them: messages, tool calls, custom events, idempotency. */
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, smallint, text } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns';
import { workspaceRef } from './accounts';

export const messageRoleEnum = pgEnum('message_role', ['user', 'assistant', 'system']);
export const conversationStatusEnum = pgEnum('conversation_status', ['active', 'ended']);
export const deviceEnum = pgEnum('device_type', ['desktop', 'tablet', 'mobile']);
export const sentimentEnum = pgEnum('sentiment_label', ['positive', 'neutral', 'negative']);

export const avatars = pgTable(
  'avatars',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const conversations = pgTable(
  'conversations',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    /** A 64-bit hash of `id`: funnels merge-join conversations with their steps' rows in this order. */
    idKey: bigint('id_key', { mode: 'bigint' }).generatedAlwaysAs(sql`hashtextextended(id, 0)`),
    avatarId: text('avatar_id').notNull(),
    customerId: text('customer_id'),
    country: char('country', { length: 2 }),
    device: deviceEnum('device'),
    source: text('source'),
    language: text('language'),
    languageDetected: boolean('language_detected').notNull().default(false),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    feedback: text('feedback'),
    feedbackRating: smallint('feedback_rating'),
    status: conversationStatusEnum('status').notNull().default('active'),
    initializedAt: ts('initialized_at'),
    interacted: boolean('interacted').notNull().default(false),
    startedAt: ts('started_at').notNull(),
    startedAtExplicit: boolean('started_at_explicit').notNull().default(false),
    endedAt: ts('ended_at'),
    /** `client` (the end call) or `inactivity` (closed when idle); an idle-closed conversation may resume. */
    endReason: text('end_reason'),
    lastActivityAt: ts('last_activity_at').notNull(),
    messageCount: integer('message_count').notNull().default(0),
    userMessageCount: integer('user_message_count').notNull().default(0),
    assistantMessageCount: integer('assistant_message_count').notNull().default(0),
    systemMessageCount: integer('system_message_count').notNull().default(0),
    promptTokens: bigint('prompt_tokens', { mode: 'number' }).notNull().default(0),
    completionTokens: bigint('completion_tokens', { mode: 'number' }).notNull().default(0),
    actionCount: integer('action_count').notNull().default(0),
    escalated: boolean('escalated').notNull().default(false),
    escalatedAt: ts('escalated_at'),
    goalReached: boolean('goal_reached').notNull().default(false),
    sentimentSum: doublePrecision('sentiment_sum').notNull().default(0),
    sentimentCount: integer('sentiment_count').notNull().default(0),
    sentimentScore: real('sentiment_score'),
    sentimentLabel: sentimentEnum('sentiment_label'),
    firstUserMessage: text('first_user_message'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('conversations_started_idx').on(t.workspaceId, t.startedAt),
    index('conversations_avatar_started_idx').on(t.workspaceId, t.avatarId, t.startedAt),
    // Funnels: every conversation of a workspace in key order (the migration INCLUDEs what a funnel reads).
    index('conversations_key_idx').on(t.workspaceId, t.idKey, t.id),
    index('conversations_customer_idx').on(t.workspaceId, t.customerId),
    index('conversations_active_idx').on(t.workspaceId, t.lastActivityAt).where(sql`status = 'active'`),
    // The most negative conversations of a range (analytics), read in score order with a LIMIT.
    index('conversations_negative_idx').on(t.workspaceId, t.sentimentScore, t.startedAt.desc()).where(sql`sentiment_label = 'negative'`),
  ],
);

export const messages = pgTable(
  'messages',
  {
    workspaceId: workspaceRef(),
    conversationId: text('conversation_id').notNull(),
    id: text('id').notNull(),
    role: messageRoleEnum('role').notNull(),
    content: text('content').notNull(),
    createdAt: ts('created_at').notNull(),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    responseTimeMs: integer('response_time_ms'),
    sentimentScore: real('sentiment_score'),
    sentimentLabel: sentimentEnum('sentiment_label'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.conversationId, t.id] }),
    index('messages_conversation_time_idx').on(t.workspaceId, t.conversationId, t.createdAt),
    index('messages_time_idx').on(t.workspaceId, t.createdAt),
  ],
);

export const actions = pgTable(
  'actions',
  {
    workspaceId: workspaceRef(),
    conversationId: text('conversation_id').notNull(),
    /** The conversation's `id_key`. */
    conversationKey: bigint('conversation_key', { mode: 'bigint' }).generatedAlwaysAs(sql`hashtextextended(conversation_id, 0)`),
    id: text('id').notNull(),
    name: text('name').notNull(),
    startedAt: ts('started_at').notNull(),
    durationMs: integer('duration_ms'),
    status: text('status'),
    input: jsonb('input'),
    output: jsonb('output'),
    isEscalation: boolean('is_escalation').notNull().default(false),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.conversationId, t.id] }),
    index('actions_time_idx').on(t.workspaceId, t.startedAt),
    index('actions_name_idx').on(t.workspaceId, t.name, t.conversationKey, t.conversationId, t.startedAt),
  ],
);

export const events = pgTable(
  'events',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    conversationId: text('conversation_id'),
    /** The conversation's `id_key` (null without a conversation). */
    conversationKey: bigint('conversation_key', { mode: 'bigint' }).generatedAlwaysAs(sql`hashtextextended(conversation_id, 0)`),
    avatarId: text('avatar_id'),
    properties: jsonb('properties').$type<Record<string, unknown>>(),
    timestamp: ts('timestamp').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('events_time_idx').on(t.workspaceId, t.timestamp),
    index('events_conversation_idx').on(t.workspaceId, t.conversationId),
    index('events_name_idx').on(t.workspaceId, t.name, t.conversationKey, t.conversationId, t.timestamp),
  ],
);

/**
 * Results of idempotent writes that have no natural row of their own (batch items), kept for
 * IDEMPOTENCY_KEY_RETENTION_DAYS (lib/jobs/housekeeping.ts).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    workspaceId: workspaceRef(),
    key: text('key').notNull(),
    status: integer('status').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.key] }),
    // The housekeeping job deletes keys past their retention, oldest first, across workspaces.
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);

export type Avatar = typeof avatars.$inferSelect;
export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type Action = typeof actions.$inferSelect;
export type Event = typeof events.$inferSelect;
