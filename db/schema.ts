/**
 * The one schema of Confab. Every tenant table carries `workspace_id` first in its primary key and in
 * each unique constraint, so the database can be distributed by workspace without a schema change.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();
const workspaceRef = () => uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' });

export const roleEnum = pgEnum('member_role', ['owner', 'admin', 'member', 'viewer']);
export const messageRoleEnum = pgEnum('message_role', ['user', 'assistant', 'system']);
export const conversationStatusEnum = pgEnum('conversation_status', ['active', 'ended']);
export const deviceEnum = pgEnum('device_type', ['desktop', 'tablet', 'mobile']);
export const sentimentEnum = pgEnum('sentiment_label', ['positive', 'neutral', 'negative']);

export const DEFAULT_ESCALATION_TOOLS = ['fallback_to_human', 'open_ticket', 'ticket', 'contact_human'];

// ---------------------------------------------------------------- accounts and teams

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name'),
  passwordHash: text('password_hash'),
  createdAt: createdAt(),
});

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  timezone: text('timezone').notNull().default('UTC'),
  plan: text('plan').notNull().default('free'),
  stripeCustomerId: text('stripe_customer_id'),
  stripeSubscriptionId: text('stripe_subscription_id'),
  subscriptionStatus: text('subscription_status'),
  billingPeriodEnd: ts('billing_period_end'),
  inactivityTimeoutMinutes: integer('inactivity_timeout_minutes').notNull().default(30),
  escalationToolNames: text('escalation_tool_names')
    .array()
    .notNull()
    .default(sql`ARRAY['fallback_to_human','open_ticket','ticket','contact_human']::text[]`),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: workspaceRef(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    workspaceId: workspaceRef(),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('invitations_token_uq').on(t.workspaceId, t.tokenHash),
    index('invitations_token_idx').on(t.tokenHash),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    workspaceId: workspaceRef(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('api_keys_hash_uq').on(t.workspaceId, t.keyHash),
    index('api_keys_hash_idx').on(t.keyHash),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    workspaceId: workspaceRef(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('audit_log_time_idx').on(t.workspaceId, t.createdAt)],
);

// ---------------------------------------------------------------- conversations

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
    index('actions_name_idx').on(t.workspaceId, t.name, t.startedAt),
  ],
);

export const events = pgTable(
  'events',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    conversationId: text('conversation_id'),
    avatarId: text('avatar_id'),
    properties: jsonb('properties').$type<Record<string, unknown>>(),
    timestamp: ts('timestamp').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('events_time_idx').on(t.workspaceId, t.timestamp),
    index('events_conversation_idx').on(t.workspaceId, t.conversationId),
    index('events_name_idx').on(t.workspaceId, t.name, t.timestamp),
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

// ---------------------------------------------------------------- goals and funnels

export const goals = pgTable(
  'goals',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    avatarId: text('avatar_id'),
    trigger: jsonb('trigger').$type<Record<string, unknown>>().notNull(),
    backfillStatus: text('backfill_status').notNull().default('idle'),
    backfillProgress: real('backfill_progress').notNull().default(0),
    backfillStartedAt: ts('backfill_started_at'),
    backfillFinishedAt: ts('backfill_finished_at'),
    backfillError: text('backfill_error'),
    /** Set while a worker back-fills; a stale one (worker gone) lets another worker take over. */
    backfillHeartbeatAt: ts('backfill_heartbeat_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('goals_name_uq').on(t.workspaceId, t.name)],
);

export const goalCompletions = pgTable(
  'goal_completions',
  {
    workspaceId: workspaceRef(),
    goalId: text('goal_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    avatarId: text('avatar_id'),
    completedAt: ts('completed_at').notNull(),
    /** The conversation's started_at: goal analytics count conversations in range, like every metric. */
    startedAt: ts('started_at').notNull(),
    messageId: text('message_id'),
    eventId: text('event_id'),
    actionId: text('action_id'),
    source: text('source').notNull().default('live'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.goalId, t.conversationId] }),
    index('goal_completions_time_idx').on(t.workspaceId, t.goalId, t.completedAt),
    index('goal_completions_started_idx').on(t.workspaceId, t.startedAt, t.goalId),
    index('goal_completions_conversation_idx').on(t.workspaceId, t.conversationId),
  ],
);

export const funnels = pgTable(
  'funnels',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    avatarId: text('avatar_id'),
    steps: jsonb('steps').$type<Record<string, unknown>[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

// ---------------------------------------------------------------- alerts and webhooks

/**
 * The event stream: domain events (`goal.completed`, …) written in the transaction that caused them,
 * for webhook delivery to fan out. `id` orders them.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    workspaceId: workspaceRef(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('outbox_events_id_idx').on(t.id),
    // Erasing a conversation erases the entries about it.
    index('outbox_events_conversation_idx').on(t.workspaceId, sql`(${t.payload}->>'conversationId')`),
  ],
);

export const alertRules = pgTable(
  'alert_rules',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    metric: text('metric').notNull(),
    comparator: text('comparator').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    windowMinutes: integer('window_minutes').notNull().default(1440),
    avatarId: text('avatar_id'),
    channels: jsonb('channels').$type<{ emails?: string[]; webhook?: boolean }>().notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    state: text('state').notNull().default('ok'),
    lastValue: doublePrecision('last_value'),
    lastEvaluatedAt: ts('last_evaluated_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const alertEvents = pgTable(
  'alert_events',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    ruleId: text('rule_id').notNull(),
    kind: text('kind').notNull(),
    value: doublePrecision('value'),
    threshold: doublePrecision('threshold').notNull(),
    notifications: jsonb('notifications').$type<Record<string, unknown>[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('alert_events_rule_idx').on(t.workspaceId, t.ruleId, t.createdAt)],
);

export const webhooks = pgTable(
  'webhooks',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    disabledReason: text('disabled_reason'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    webhookId: text('webhook_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    responseExcerpt: text('response_excerpt'),
    createdAt: createdAt(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('webhook_deliveries_hook_idx').on(t.workspaceId, t.webhookId, t.createdAt),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

// ---------------------------------------------------------------- rollups (maintained in the ingest transaction)

/** The counters of rollup_hourly and rollup_daily (db/rollup-columns.ts lists them for raw SQL). */
const hourlyCounters = () => ({
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
const toolCounters = () => ({
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

// ---------------------------------------------------------------- analytics rollups (maintained by triggers)
// The tables below are kept by database triggers (migration 0003_analytics_triggers.sql), not by the ingest
// code: daily tiers follow the hourly rollups, conversation-level facts are folded in at commit. A `day` is
// the local date in the workspace timezone of a UTC hour's start; changing the timezone rebuilds them.
// Daily tables have a row per avatar; all but rollup_daily also one for all avatars together under
// avatar_id '' (never a real id), so that workspace-wide reads of many values stay small.

const localDay = () => date('day', { mode: 'string' }).notNull();

/** rollup_hourly summed per local day (same columns). */
export const rollupDaily = pgTable(
  'rollup_daily',
  {
    workspaceId: workspaceRef(),
    day: localDay(),
    avatarId: text('avatar_id').notNull(),
    ...hourlyCounters(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.avatarId] })],
);

/** rollup_dimensions summed per local day, per avatar and for all avatars together (avatar_id ''). */
export const rollupDimensionsDaily = pgTable(
  'rollup_dimensions_daily',
  {
    workspaceId: workspaceRef(),
    dimension: text('dimension').notNull(),
    day: localDay(),
    avatarId: text('avatar_id').notNull(),
    value: text('value').notNull(),
    conversations: integer('conversations').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.dimension, t.day, t.avatarId, t.value] })],
);

/** rollup_tools summed per local day, per avatar and for all avatars together (avatar_id ''). */
export const rollupToolsDaily = pgTable(
  'rollup_tools_daily',
  {
    workspaceId: workspaceRef(),
    day: localDay(),
    avatarId: text('avatar_id').notNull(),
    toolName: text('tool_name').notNull(),
    ...toolCounters(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.avatarId, t.toolName] })],
);

const sourceFacts = () => ({
  /** '' when the conversation has no source. */
  source: text('source').notNull(),
  conversations: integer('conversations').notNull().default(0),
  positiveConversations: integer('positive_conversations').notNull().default(0),
  neutralConversations: integer('neutral_conversations').notNull().default(0),
  negativeConversations: integer('negative_conversations').notNull().default(0),
  sentimentScoreSum: doublePrecision('sentiment_score_sum').notNull().default(0),
  /** Feedback labelled neutral (rollup_hourly counts only positive and negative). */
  feedbackNeutral: integer('feedback_neutral').notNull().default(0),
});

/** Conversation facts by source per (workspace, avatar, UTC hour of started_at): sentiment by source. */
export const rollupSources = pgTable(
  'rollup_sources',
  { workspaceId: workspaceRef(), bucket: ts('bucket').notNull(), avatarId: text('avatar_id').notNull(), ...sourceFacts() },
  (t) => [primaryKey({ columns: [t.workspaceId, t.bucket, t.avatarId, t.source] })],
);

/** rollup_sources summed per local day, per avatar and for all avatars together (avatar_id ''). */
export const rollupSourcesDaily = pgTable(
  'rollup_sources_daily',
  { workspaceId: workspaceRef(), day: localDay(), avatarId: text('avatar_id').notNull(), ...sourceFacts() },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.avatarId, t.source] })],
);

/**
 * Unique users without scanning customers: each (customer, local day with a conversation) counts once in
 * the cell (day, days since that customer's previous such day, capped at 1000), per avatar and for all
 * avatars (avatar_id ''). Distinct customers over days D1..D2 = customers of cells with day in D1..D2
 * and gap_days > day - D1.
 */
export const rollupCustomerReturns = pgTable(
  'rollup_customer_returns',
  {
    workspaceId: workspaceRef(),
    avatarId: text('avatar_id').notNull(),
    day: localDay(),
    gapDays: smallint('gap_days').notNull(),
    customers: integer('customers').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.avatarId, t.day, t.gapDays] })],
);

/**
 * The same chains per UTC hour, all avatars together (avatar_id ''), for unique users over periods of up
 * to 48 hours: gap_hours is the hours since the customer's previous hour with a conversation, capped at 49.
 */
export const rollupCustomerHours = pgTable(
  'rollup_customer_hours',
  {
    workspaceId: workspaceRef(),
    avatarId: text('avatar_id').notNull(),
    hour: ts('hour').notNull(),
    gapHours: smallint('gap_hours').notNull(),
    customers: integer('customers').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.avatarId, t.hour, t.gapHours] })],
);

/**
 * Conversations changed by the open transaction, with their state before it (unlogged; rows live until
 * the transaction's commit-time flush). No foreign key: a deleted workspace's rows are skipped there.
 */
export const analyticsPending = pgTable(
  'analytics_pending',
  {
    txid: bigint('txid', { mode: 'number' }).notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    /** false: the conversation did not exist before the transaction. */
    present: boolean('present').notNull(),
    avatarId: text('avatar_id'),
    customerId: text('customer_id'),
    source: text('source'),
    startedAt: ts('started_at'),
    sentimentSum: doublePrecision('sentiment_sum'),
    sentimentCount: integer('sentiment_count'),
    sentimentLabel: sentimentEnum('sentiment_label'),
    feedback: text('feedback'),
  },
  (t) => [primaryKey({ columns: [t.txid, t.workspaceId, t.conversationId] })],
);

/** One row per transaction with pending conversation changes; its deferred trigger runs the flush at commit. */
export const analyticsFlush = pgTable('analytics_flush', { txid: bigint('txid', { mode: 'number' }).primaryKey() });

// ---------------------------------------------------------------- platform (not tenant data)

/** Fixed-window counters shared by every web process (login and API rate limits). */
export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Mail kept by the development transport when SMTP_URL is unset; shown at /dev/mail. */
export const devMail = pgTable('dev_mail', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  createdAt: createdAt(),
});

/** Stripe webhook event ids already applied, so a replay never applies twice. */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  createdAt: createdAt(),
});

export type User = typeof users.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type ApiKey = typeof apiKeys.$inferSelect;
export type Avatar = typeof avatars.$inferSelect;
export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type Action = typeof actions.$inferSelect;
export type Event = typeof events.$inferSelect;
export type Goal = typeof goals.$inferSelect;
