/** The event stream (transactional outbox) and webhook endpoints and deliveries. */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, json, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns';
import { workspaceRef } from './accounts';

/**
 * The event stream (a transactional outbox): DESIGN §7 events written in the transaction that caused them.
 * The webhook engine fans each one out to the endpoints subscribed at that moment, as deliveries, and
 * removes it. `id` orders them; `event_id` (`evt_…`) is what receivers see as `webhook-id`.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    workspaceId: workspaceRef(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    /** The conversation the event is about, if any: erasure removes its events. */
    conversationId: text('conversation_id'),
    /** The event's `data` (json, not jsonb: receivers get its keys in the order they were written). */
    payload: json('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('outbox_events_id_idx').on(t.id),
    index('outbox_events_conversation_id_idx').on(t.workspaceId, t.conversationId),
  ],
);

export const webhooks = pgTable(
  'webhooks',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    description: text('description'),
    secret: text('secret').notNull(),
    /** After a rotation, the old secret signs beside the new one until this time. */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: ts('previous_secret_expires_at'),
    enabled: boolean('enabled').notNull().default(true),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    /** The first failure since the last success: five days of nothing but failures disables the endpoint. */
    failingSince: ts('failing_since'),
    disabledReason: text('disabled_reason'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** One event for one endpoint: a job in PostgreSQL, claimed with SKIP LOCKED and leased while an attempt runs. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    workspaceId: workspaceRef(),
    id: text('id').notNull(),
    webhookId: text('webhook_id').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    conversationId: text('conversation_id'),
    /** The whole event as sent: `{ id, type, createdAt, data }`. */
    payload: json('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** `attempts` when the delivery was last (re)queued: the retry schedule counts from here. */
    attemptBase: integer('attempt_base').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    /** Set while a worker runs an attempt; a worker that dies leaves it to expire, and the attempt is made again. */
    lockedUntil: ts('locked_until'),
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
    index('webhook_deliveries_conversation_idx').on(t.workspaceId, t.conversationId),
    // Housekeeping finds old deliveries by time; rows arrive in time order, so a BRIN index is nearly free to keep.
    index('webhook_deliveries_created_idx').using('brin', t.createdAt),
    // What is in flight per endpoint (the concurrency cap) is read from here: only leased rows.
    index('webhook_deliveries_leased_idx').on(t.workspaceId, t.webhookId).where(sql`locked_until IS NOT NULL`),
  ],
);

/** Each attempt of a delivery: when, the answer (status, first 1 KB) or the error, and how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    workspaceId: workspaceRef(),
    deliveryId: text('delivery_id').notNull(),
    webhookId: text('webhook_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: ts('at').notNull().defaultNow(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.deliveryId, t.attempt] }),
    // Endpoint health: the last 24 hours of attempts, the last failure.
    index('webhook_attempts_hook_idx').on(t.workspaceId, t.webhookId, t.at),
  ],
);
