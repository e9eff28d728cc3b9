/** Goals, their completions, and funnels. */
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, real, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns';
import { workspaceRef } from './accounts';

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
    /** The conversation's `id_key`. */
    conversationKey: bigint('conversation_key', { mode: 'bigint' }).generatedAlwaysAs(sql`hashtextextended(conversation_id, 0)`),
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
    index('goal_completions_key_idx').on(t.workspaceId, t.goalId, t.conversationKey, t.conversationId),
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

export type Goal = typeof goals.$inferSelect;
