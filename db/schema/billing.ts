/** Billing usage: one counter row per workspace and billing period, written in the ingest transaction. */
import { integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { workspaceRef } from './accounts';
import { ts, createdAt } from './columns';

export const billingUsage = pgTable(
  'billing_usage',
  {
    workspaceId: workspaceRef(),
    periodStart: ts('period_start').notNull(),
    periodEnd: ts('period_end').notNull(),
    /** New conversations admitted in the period (never more than `conversationLimit` at admission). */
    conversations: integer('conversations').notNull().default(0),
    /** The plan's limit the last admission applied. */
    conversationLimit: integer('conversation_limit').notNull(),
    /** How many the last admission let in, and the threshold it crossed ('80', '100'): the statement's own answer. */
    lastAdmitted: integer('last_admitted').notNull().default(0),
    lastNotice: integer('last_notice'),
    /** The owners were e-mailed at 80 % / 100 % of this period. */
    notified80At: ts('notified_80_at'),
    notified100At: ts('notified_100_at'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.periodStart] })],
);

export type BillingUsage = typeof billingUsage.$inferSelect;
