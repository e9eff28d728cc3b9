/** The event stream (transactional outbox) and webhook endpoints and deliveries. */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns';
import { workspaceRef } from './accounts';

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
