/**
 * Alert rules (DESIGN §8) with the state the checker keeps between passes, and their fired/resolved history.
 * A rule's fields are the API's, one column each; `channels` is the validated list as given.
 */
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns';
import { workspaceRef } from './accounts';

export type AlertChannelRow = { type: 'email'; to: string[] } | { type: 'slack'; url: string } | { type: 'webhook' };
export type AlertNotificationRow = { channel: string; ok: boolean; error?: string; attempts: number; at: string };
export type AlertRecentCheck = { at: string; value: number | null };

export const alertRules = pgTable(
  'alert_rules',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    metric: text('metric').notNull(),
    avatarId: text('avatar_id'),
    goalId: text('goal_id'),
    funnelId: text('funnel_id'),
    funnelStep: integer('funnel_step'),
    /** '1h' | '24h' | '7d' (`window` is a reserved word). */
    timeWindow: text('time_window').notNull(),
    op: text('op').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    compare: text('compare').notNull().default('value'),
    minConversations: integer('min_conversations').notNull().default(0),
    forChecks: integer('for_checks').notNull().default(1),
    noData: text('no_data').notNull().default('ok'),
    channels: jsonb('channels').$type<AlertChannelRow[]>().notNull().default([]),
    enabled: boolean('enabled').notNull().default(true),
    snoozedUntil: ts('snoozed_until'),
    /** The state machine: 'ok' | 'firing', and the breaching checks in a row so far. */
    state: text('state').notNull().default('ok'),
    breaches: integer('breaches').notNull().default(0),
    lastValue: doublePrecision('last_value'),
    lastHasData: boolean('last_has_data'),
    lastCheckedAt: ts('last_checked_at'),
    /** The last 48 checks' values, oldest first: the rule list's sparkline. */
    recentChecks: jsonb('recent_checks').$type<AlertRecentCheck[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('alert_rules_enabled_idx').on(t.enabled, t.workspaceId)],
);

export const alertEvents = pgTable(
  'alert_events',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    ruleId: text('rule_id').notNull(),
    /** 'fired' | 'resolved' */
    status: text('status').notNull(),
    value: doublePrecision('value'),
    threshold: doublePrecision('threshold').notNull(),
    /** The check's time (the pass's `at`). */
    at: ts('at').notNull(),
    /** True when the rule was snoozed: the transition is recorded, nobody is told. */
    snoozed: boolean('snoozed').notNull().default(false),
    notifications: jsonb('notifications').$type<AlertNotificationRow[]>().notNull().default([]),
    /** Set once every channel succeeded or ran out of attempts; null while some are still to be (re)tried. */
    notifiedAt: ts('notified_at'),
    /** While not notified: when the next try may start (a lease: a sender that dies is replaced after it). */
    retryAt: ts('retry_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('alert_events_rule_idx').on(t.workspaceId, t.ruleId, t.at),
    index('alert_events_unnotified_idx').on(t.retryAt).where(sql`notified_at IS NULL`),
  ],
);
