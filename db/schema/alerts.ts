/** Alert rules and their fired/resolved history. */
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns';
import { workspaceRef } from './accounts';

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
