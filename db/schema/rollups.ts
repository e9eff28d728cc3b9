/** Rollups maintained in the ingest transaction. */
import { bigint, date, doublePrecision, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { workspaceRef } from './accounts';

/** The counters of rollup_hourly and rollup_daily (db/rollup-columns.ts lists them for raw SQL). */
export const hourlyCounters = () => ({
  conversations: integer('conversations').notNull().default(0),
  interactedConversations: integer('interacted_conversations').notNull().default(0),
  messages: integer('messages').notNull().default(0),
  userMessages: integer('user_messages').notNull().default(0),
  assistantMessages: integer('assistant_messages').notNull().default(0),
  systemMessages: integer('system_messages').notNull().default(0),
  promptTokens: bigint('prompt_tokens', { mode: 'number' }).notNull().default(0),
  completionTokens: bigint('completion_tokens', { mode: 'number' }).notNull().default(0),
  responseTimeSumMs: bigint('response_time_sum_ms', { mode: 'number' }).notNull().default(0),
  responseTimeCount: integer('response_time_count').notNull().default(0),
  endedConversations: integer('ended_conversations').notNull().default(0),
  durationSumS: doublePrecision('duration_sum_s').notNull().default(0),
  escalatedConversations: integer('escalated_conversations').notNull().default(0),
  goalConversations: integer('goal_conversations').notNull().default(0),
  positiveConversations: integer('positive_conversations').notNull().default(0),
  neutralConversations: integer('neutral_conversations').notNull().default(0),
  negativeConversations: integer('negative_conversations').notNull().default(0),
  sentimentScoreSum: doublePrecision('sentiment_score_sum').notNull().default(0),
  feedbackPositive: integer('feedback_positive').notNull().default(0),
  feedbackNegative: integer('feedback_negative').notNull().default(0),
  ratingSum: integer('rating_sum').notNull().default(0),
  ratingCount: integer('rating_count').notNull().default(0),
});

/** The counters of rollup_tools and rollup_tools_daily. */
export const toolCounters = () => ({
  calls: integer('calls').notNull().default(0),
  durationSumMs: bigint('duration_sum_ms', { mode: 'number' }).notNull().default(0),
  durationCount: integer('duration_count').notNull().default(0),
  escalations: integer('escalations').notNull().default(0),
});

/** Per (workspace, avatar, UTC hour). Conversation facts count in the hour the conversation started. */
export const rollupHourly = pgTable(
  'rollup_hourly',
  {
    workspaceId: workspaceRef(),
    avatarId: text('avatar_id').notNull(),
    bucket: ts('bucket').notNull(),
    ...hourlyCounters(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.bucket, t.avatarId] })],
);

/** Conversations by a dimension value (device, source, language, country) per (workspace, avatar, UTC hour). */
export const rollupDimensions = pgTable(
  'rollup_dimensions',
  {
    workspaceId: workspaceRef(),
    avatarId: text('avatar_id').notNull(),
    bucket: ts('bucket').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    conversations: integer('conversations').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.dimension, t.bucket, t.avatarId, t.value] })],
);

/** Tool calls per (workspace, avatar, UTC hour, tool). */
export const rollupTools = pgTable(
  'rollup_tools',
  {
    workspaceId: workspaceRef(),
    avatarId: text('avatar_id').notNull(),
    bucket: ts('bucket').notNull(),
    toolName: text('tool_name').notNull(),
    ...toolCounters(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.bucket, t.avatarId, t.toolName] })],
);

/** Distinct customers per (workspace, avatar, UTC day), for unique-user counts without scanning conversations. */
export const rollupCustomers = pgTable(
  'rollup_customers',
  {
    workspaceId: workspaceRef(),
    avatarId: text('avatar_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    customerId: text('customer_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.avatarId, t.customerId] })],
);
