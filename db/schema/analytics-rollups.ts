import { bigint, boolean, date, doublePrecision, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { workspaceRef } from './accounts';
import { sentimentEnum } from './conversations';
import { hourlyCounters, toolCounters } from './rollups';

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

export const sourceFacts = () => ({
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

// ---------------------------------------------------------------- customer links (unique users over any range)
// Unique users over [H1, H2) count each customer at its first conversation hour in the range: an hour (or a
// local day) whose customer's previous conversation hour is before H1. "Before H1" is, in local days, either
// a day before H1's day L (rollup_customer_hour_gaps, rollup_customer_returns) or an hour of day L before H1
// (the two link tables, read with prev_day = L). Every read is bounded by buckets: hours × gap values, or
// hours × the 24 hours of day L. Per avatar and for all avatars (avatar_id '').

/**
 * Each (customer, UTC hour with a conversation) counts once in (hour, prev_days): the local days between
 * that hour's day and the day of the customer's previous conversation hour (0 the same day; 1000 for none).
 */
export const rollupCustomerHourGaps = pgTable(
  'rollup_customer_hour_gaps',
  {
    workspaceId: workspaceRef(),
    avatarId: text('avatar_id').notNull(),
    hour: ts('hour').notNull(),
    prevDays: smallint('prev_days').notNull(),
    customers: integer('customers').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.avatarId, t.hour, t.prevDays] })],
);

/** Each (customer, UTC hour with a conversation) that has an earlier one: (prev_day, hour, prev_hour). */
export const rollupCustomerHourLinks = pgTable(
  'rollup_customer_hour_links',
  {
    workspaceId: workspaceRef(),
    avatarId: text('avatar_id').notNull(),
    prevDay: date('prev_day', { mode: 'string' }).notNull(),
    hour: ts('hour').notNull(),
    prevHour: ts('prev_hour').notNull(),
    customers: integer('customers').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.avatarId, t.prevDay, t.hour, t.prevHour] })],
);

/** Each (customer, local day with a conversation) that has an earlier day: (prev_day, day, the last hour of prev_day). */
export const rollupCustomerDayLinks = pgTable(
  'rollup_customer_day_links',
  {
    workspaceId: workspaceRef(),
    avatarId: text('avatar_id').notNull(),
    prevDay: date('prev_day', { mode: 'string' }).notNull(),
    day: localDay(),
    prevHour: ts('prev_hour').notNull(),
    customers: integer('customers').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.avatarId, t.prevDay, t.day, t.prevHour] })],
);
