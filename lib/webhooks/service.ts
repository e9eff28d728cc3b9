/**
 * Webhook endpoints (DESIGN §7), shared by /v1/webhooks and Settings › Webhooks: create (the secret is shown
 * once), list with health, read, update, delete, rotate the secret, send a test event, the delivery log,
 * redeliver one, recover the failed ones. Every change is audited in its own transaction.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { sql } from '@/db';
import { insertAuditEntry } from '@/db/queries/audit';
import {
  deleteWebhookRow,
  findDeliveryRow,
  findWebhookRow,
  insertDeliveryRow,
  insertWebhookRow,
  listDeliveryRows,
  listWebhookRows,
  recoverFailedDeliveries,
  requeueDeliveryRow,
  rotateWebhookSecret,
  updateWebhookRow,
  type AttemptRow,
  type DeliveryRow,
  type WebhookHealthRow,
} from '@/db/queries/webhooks';
import { ApiError } from '@/lib/api/errors';
import { identifier, label, timestamp } from '@/lib/ingest/parse/schema-primitives';
import { ROTATION_GRACE_HOURS } from './deliver';
import { EVENT_TYPES, TEST_EVENT_TYPES, newEventId, sampleData, type TestEventType } from './events';
import { checkTarget, targetUrlSchema, TargetRefused } from './targets';

const eventsSchema = z
  .array(z.enum(EVENT_TYPES, `Must be one of ${EVENT_TYPES.join(', ')}`))
  .min(1, 'Subscribe to at least one event type')
  .max(EVENT_TYPES.length * 2)
  .transform((types) => [...new Set(types)]);

export const webhookInputSchema = z.strictObject({
  url: targetUrlSchema,
  events: eventsSchema,
  description: label(500).nullish(),
  enabled: z.boolean().default(true),
});
export const webhookPatchSchema = z.strictObject({
  url: targetUrlSchema.optional(),
  events: eventsSchema.optional(),
  description: label(500).nullish(),
  enabled: z.boolean().optional(),
});
export const webhookTestSchema = z.strictObject({ type: z.enum(TEST_EVENT_TYPES, `Must be one of ${TEST_EVENT_TYPES.join(', ')}`).default('webhook.test') });
export const webhookRecoverSchema = z.strictObject({ since: timestamp });
export const webhookParamsSchema = z.object({ id: identifier });
export const deliveryParamsSchema = z.object({ id: identifier, deliveryId: identifier });

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const deliveryListQuerySchema = z.object({
  status: z.enum(DELIVERY_STATUSES, `Must be one of ${DELIVERY_STATUSES.join(', ')}`).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int('Must be an integer').min(1, 'Must be at least 1').max(100, 'Must be at most 100').default(50),
});

export type WebhookInput = z.input<typeof webhookInputSchema>;
export type WebhookPatch = z.input<typeof webhookPatchSchema>;
export type WebhookActor = { userId?: string | null; apiKeyId?: string | null };

export type Webhook = {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
  health: {
    /** Share of the last 24 hours' attempts that got a 2xx; null when there were none. */
    successRate24h: number | null;
    attempts24h: number;
    consecutiveFailures: number;
    lastFailure: { at: string; statusCode: number | null; error: string | null } | null;
  };
  /** Until when the previous secret still signs beside the current one, after a rotation. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
};
export type CreatedWebhook = Webhook & { secret: string };

export type Delivery = {
  id: string;
  eventId: string;
  type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
};
export type Attempt = { at: string; statusCode: number | null; durationMs: number; responseExcerpt: string | null; error: string | null };
/** One delivery with every attempt (DESIGN §7: `attempts` becomes the list) and the event as sent. */
export type DeliveryDetail = Omit<Delivery, 'attempts'> & { attempts: Attempt[]; payload: Record<string, unknown> };

export const newWebhookId = () => `wh_${randomBytes(9).toString('base64url')}`;
export const newDeliveryId = () => `dlv_${randomBytes(12).toString('hex')}`;
/** `whsec_` + base64 of 32 random bytes (the Standard Webhooks format). */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const actorFields = (actor: WebhookActor) => ({ actorUserId: actor.userId ?? null, actorApiKeyId: actor.apiKeyId ?? null });

function toWebhook(row: WebhookHealthRow): Webhook {
  const live = row.previous_secret_expires_at && row.previous_secret_expires_at > new Date() ? row.previous_secret_expires_at : null;
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.enabled ? null : row.disabled_reason,
    health: {
      successRate24h: row.attempts_24h > 0 ? row.successes_24h / row.attempts_24h : null,
      attempts24h: row.attempts_24h,
      consecutiveFailures: row.consecutive_failures,
      lastFailure: row.last_failure_at ? { at: row.last_failure_at.toISOString(), statusCode: row.last_failure_status, error: row.last_failure_error } : null,
    },
    previousSecretExpiresAt: iso(live),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    eventId: row.event_id,
    type: row.event_type,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    createdAt: row.created_at.toISOString(),
    deliveredAt: iso(row.delivered_at),
  };
}

const toAttempt = (a: AttemptRow): Attempt => ({ at: a.at.toISOString(), statusCode: a.status_code, durationMs: a.duration_ms, responseExcerpt: a.response_excerpt, error: a.error });

/** The target rule at creation: a 422 at `url` naming why. */
async function checkedUrl(url: string): Promise<string> {
  try {
    return (await checkTarget(url)).toString();
  } catch (error) {
    if (error instanceof TargetRefused) throw new ApiError(422, 'validation_error', 'Invalid request', [{ path: 'url', message: error.message }]);
    throw error;
  }
}

export async function listWebhooks(workspaceId: string): Promise<Webhook[]> {
  return (await listWebhookRows(workspaceId)).map(toWebhook);
}

export async function getWebhook(workspaceId: string, id: string): Promise<Webhook | null> {
  const row = await findWebhookRow(workspaceId, id);
  return row ? toWebhook(row) : null;
}

export async function createWebhook(workspaceId: string, raw: unknown, actor: WebhookActor): Promise<CreatedWebhook> {
  const input = webhookInputSchema.parse(raw);
  const url = await checkedUrl(input.url);
  const secret = newWebhookSecret();
  const id = newWebhookId();
  await sql.begin(async (tx) => {
    await insertWebhookRow(tx, workspaceId, { id, url, events: input.events, description: input.description ?? null, enabled: input.enabled, secret });
    await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'webhook.created', targetType: 'webhook', targetId: id, details: { url, events: input.events } });
  });
  return { ...(await getWebhook(workspaceId, id))!, secret };
}

export async function updateWebhook(workspaceId: string, id: string, raw: unknown, actor: WebhookActor): Promise<Webhook | null> {
  const patch = webhookPatchSchema.parse(raw);
  const url = patch.url === undefined ? undefined : await checkedUrl(patch.url);
  const updated = await sql.begin(async (tx) => {
    const row = await updateWebhookRow(tx, workspaceId, id, { url, events: patch.events, description: patch.description, enabled: patch.enabled });
    if (row) {
      await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'webhook.updated', targetType: 'webhook', targetId: id, details: { fields: Object.keys(patch) } });
    }
    return row;
  });
  return updated ? getWebhook(workspaceId, id) : null;
}

export async function deleteWebhook(workspaceId: string, id: string, actor: WebhookActor): Promise<boolean> {
  return sql.begin(async (tx) => {
    const deleted = await deleteWebhookRow(tx, workspaceId, id);
    if (deleted) await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'webhook.deleted', targetType: 'webhook', targetId: id });
    return deleted;
  });
}

/** A new secret; the old one keeps signing beside it for 24 hours. */
export async function rotateSecret(workspaceId: string, id: string, actor: WebhookActor): Promise<{ secret: string; previousSecretExpiresAt: string } | null> {
  const secret = newWebhookSecret();
  const rotated = await sql.begin(async (tx) => {
    const done = await rotateWebhookSecret(tx, workspaceId, id, secret, ROTATION_GRACE_HOURS);
    if (done) await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'webhook.secret_rotated', targetType: 'webhook', targetId: id });
    return done;
  });
  if (!rotated) return null;
  const hook = await findWebhookRow(workspaceId, id);
  return { secret, previousSecretExpiresAt: hook!.previous_secret_expires_at!.toISOString() };
}

/** Queues a sample event of `type` for this endpoint (enabled or not subscribed to it: a test goes anyway once enabled). */
export async function sendTestEvent(workspaceId: string, id: string, raw: unknown): Promise<{ deliveryId: string; eventId: string } | null> {
  const { type } = webhookTestSchema.parse(raw ?? {});
  const hook = await findWebhookRow(workspaceId, id);
  if (!hook) return null;
  const eventId = newEventId();
  const deliveryId = newDeliveryId();
  const payload = { id: eventId, type, createdAt: new Date().toISOString(), data: sampleData(type as TestEventType, id) };
  await insertDeliveryRow(sql, workspaceId, { id: deliveryId, webhookId: id, eventId, type, conversationId: null, payload });
  return { deliveryId, eventId };
}

type DeliveryCursor = { createdAt: string; id: string };

const invalidCursor = () => new ApiError(422, 'validation_error', 'Invalid request', [{ path: 'cursor', message: 'Not a cursor returned by this API' }]);

function decodeDeliveryCursor(raw: string): DeliveryCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const result = z.object({ t: z.iso.datetime(), i: identifier }).safeParse(parsed);
  if (!result.success) throw invalidCursor();
  return { createdAt: result.data.t, id: result.data.i };
}

const encodeDeliveryCursor = (row: { cursor_at: string; id: string }) => Buffer.from(JSON.stringify({ t: row.cursor_at, i: row.id })).toString('base64url');

export async function listDeliveries(workspaceId: string, webhookId: string, rawQuery: unknown): Promise<{ data: Delivery[]; nextCursor: string | null } | null> {
  const query = deliveryListQuerySchema.parse(rawQuery);
  const after = query.cursor ? decodeDeliveryCursor(query.cursor) : undefined;
  if (!(await findWebhookRow(workspaceId, webhookId))) return null;
  const rows = await listDeliveryRows(workspaceId, webhookId, { status: query.status, after, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return { data: page.map(toDelivery), nextCursor: rows.length > query.limit ? encodeDeliveryCursor(page[page.length - 1]) : null };
}

export async function getDelivery(workspaceId: string, webhookId: string, deliveryId: string): Promise<DeliveryDetail | null> {
  const found = await findDeliveryRow(workspaceId, webhookId, deliveryId);
  if (!found) return null;
  return { ...toDelivery(found.delivery), attempts: found.attempts.map(toAttempt), payload: found.delivery.payload };
}

export async function redeliver(workspaceId: string, webhookId: string, deliveryId: string): Promise<boolean> {
  return requeueDeliveryRow(workspaceId, webhookId, deliveryId);
}

export async function recoverFailed(workspaceId: string, webhookId: string, raw: unknown): Promise<{ requeued: number } | null> {
  const { since } = webhookRecoverSchema.parse(raw);
  if (!(await findWebhookRow(workspaceId, webhookId))) return null;
  return { requeued: await recoverFailedDeliveries(workspaceId, webhookId, since) };
}
