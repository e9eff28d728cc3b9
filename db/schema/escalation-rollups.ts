/** Escalations by reason, kept by the analytics flush (migration 0017_escalation_rollups.sql). */
import { bigint, date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { workspaceRef } from './accounts';

const localDay = () => date('day', { mode: 'string' }).notNull();

// ---------------------------------------------------------------- escalations by reason (kept by the flush)
// DESIGN §3: an escalated conversation counts once, in the hour it started, under its reason (the name of its
// first escalation action, else `end_call`). The flush keeps, per escalated conversation, what it is counted
// as (escalation_reasons), and adds the difference to the rollup pair.

/** What each escalated conversation is counted as in the escalation rollups (one row per escalated conversation). */
export const escalationReasons = pgTable(
  'escalation_reasons',
  {
    workspaceId: workspaceRef(),
    conversationId: text('conversation_id').notNull(),
    avatarId: text('avatar_id').notNull(),
    bucket: ts('bucket').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.conversationId] })],
);

/** Escalated conversations per (workspace, UTC hour started, avatar, reason). */
export const rollupEscalations = pgTable(
  'rollup_escalations',
  {
    workspaceId: workspaceRef(),
    bucket: ts('bucket').notNull(),
    avatarId: text('avatar_id').notNull(),
    reason: text('reason').notNull(),
    conversations: integer('conversations').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.bucket, t.avatarId, t.reason] })],
);

/** rollup_escalations summed per local day, per avatar and for all avatars together (avatar_id ''). */
export const rollupEscalationsDaily = pgTable(
  'rollup_escalations_daily',
  {
    workspaceId: workspaceRef(),
    day: localDay(),
    avatarId: text('avatar_id').notNull(),
    reason: text('reason').notNull(),
    conversations: integer('conversations').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.avatarId, t.reason] })],
);

/**
 * Conversations whose escalation actions the open transaction changed (unlogged, like analytics_pending; no
 * foreign key). The commit-time flush recounts them with the conversations in analytics_pending.
 */
export const escalationPending = pgTable(
  'escalation_pending',
  {
    txid: bigint('txid', { mode: 'number' }).notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    conversationId: text('conversation_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.txid, t.workspaceId, t.conversationId] })],
);
