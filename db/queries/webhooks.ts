/**
 * Webhook endpoints, their deliveries and attempts (DESIGN §7). Endpoint and delivery reads and writes are
 * scoped to a workspace; the engine's fan-out, claim and record statements work across workspaces (they are
 * the worker's), keyed by (workspace_id, id) throughout.
 */
import type { TransactionSql } from 'postgres';
import { sql } from '@/db';

type Executor = typeof sql | TransactionSql;

export type WebhookRow = {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  enabled: boolean;
  consecutive_failures: number;
  failing_since: Date | null;
  disabled_reason: string | null;
  created_at: Date;
  updated_at: Date;
};

export type WebhookHealthRow = WebhookRow & {
  attempts_24h: number;
  successes_24h: number;
  last_failure_at: Date | null;
  last_failure_status: number | null;
  last_failure_error: string | null;
};

const WEBHOOK_COLUMNS_TEXT = `w.id, w.url, w.events, w.description, w.secret, w.previous_secret, w.previous_secret_expires_at, w.enabled,
  w.consecutive_failures, w.failing_since, w.disabled_reason, w.created_at, w.updated_at`;
/** Fragments are made when a query runs: building one at import would open the database connection then. */
const webhookColumns = (q: Executor) => q.unsafe(WEBHOOK_COLUMNS_TEXT);

/** Endpoint health beside each row: attempts and successes over the last 24 hours, the last failure. */
const HEALTH_TEXT = `
  h.attempts_24h, h.successes_24h, f.at AS last_failure_at, f.status_code AS last_failure_status, f.error AS last_failure_error
  FROM webhooks w
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS attempts_24h, count(*) FILTER (WHERE a.status_code BETWEEN 200 AND 299)::int AS successes_24h
    FROM webhook_attempts a WHERE a.workspace_id = w.workspace_id AND a.webhook_id = w.id AND a.at > now() - interval '24 hours'
  ) h
  LEFT JOIN LATERAL (
    SELECT a.at, a.status_code, a.error FROM webhook_attempts a
    WHERE a.workspace_id = w.workspace_id AND a.webhook_id = w.id AND (a.status_code IS NULL OR a.status_code NOT BETWEEN 200 AND 299)
    ORDER BY a.at DESC LIMIT 1
  ) f ON true`;
const health = () => sql.unsafe(HEALTH_TEXT);

export async function insertWebhookRow(
  tx: Executor,
  workspaceId: string,
  w: { id: string; url: string; events: string[]; description: string | null; enabled: boolean; secret: string },
): Promise<WebhookRow> {
  const [row] = await tx<WebhookRow[]>`
    INSERT INTO webhooks AS w (workspace_id, id, url, events, description, enabled, secret)
    VALUES (${workspaceId}::uuid, ${w.id}, ${w.url}, ${w.events}::text[], ${w.description}, ${w.enabled}, ${w.secret})
    RETURNING ${webhookColumns(tx)}`;
  return row;
}

export async function listWebhookRows(workspaceId: string): Promise<WebhookHealthRow[]> {
  return sql<WebhookHealthRow[]>`SELECT ${webhookColumns(sql)}, ${health()} WHERE w.workspace_id = ${workspaceId}::uuid ORDER BY w.created_at, w.id`;
}

export async function findWebhookRow(workspaceId: string, id: string): Promise<WebhookHealthRow | undefined> {
  const [row] = await sql<WebhookHealthRow[]>`SELECT ${webhookColumns(sql)}, ${health()} WHERE w.workspace_id = ${workspaceId}::uuid AND w.id = ${id}`;
  return row;
}

export async function updateWebhookRow(
  tx: Executor,
  workspaceId: string,
  id: string,
  patch: { url?: string; events?: string[]; description?: string | null; enabled?: boolean },
): Promise<WebhookRow | undefined> {
  // Enabling an endpoint again clears why it was disabled and starts its failure streak afresh.
  const [row] = await tx<WebhookRow[]>`
    UPDATE webhooks w SET
      url = coalesce(${patch.url ?? null}, url),
      events = coalesce(${patch.events ?? null}::text[], events),
      description = CASE WHEN ${patch.description !== undefined} THEN ${patch.description ?? null} ELSE description END,
      enabled = coalesce(${patch.enabled ?? null}::boolean, enabled),
      disabled_reason = CASE WHEN ${patch.enabled === true} THEN NULL ELSE disabled_reason END,
      failing_since = CASE WHEN ${patch.enabled === true} THEN NULL ELSE failing_since END,
      consecutive_failures = CASE WHEN ${patch.enabled === true} THEN 0 ELSE consecutive_failures END,
      updated_at = now()
    WHERE workspace_id = ${workspaceId}::uuid AND id = ${id}
    RETURNING ${webhookColumns(tx)}`;
  if (row && patch.enabled !== undefined) {
    // Disabled, its pending deliveries wait with no time; enabled again, they are due now.
    await tx`
      UPDATE webhook_deliveries SET next_attempt_at = ${patch.enabled ? sql`now()` : sql`NULL`}
      WHERE workspace_id = ${workspaceId}::uuid AND webhook_id = ${id} AND status = 'pending' AND locked_until IS NULL
        AND ${patch.enabled ? sql`next_attempt_at IS NULL` : sql`next_attempt_at IS NOT NULL`}`;
  }
  return row;
}

/** Deletes the endpoint with its deliveries and their attempts. */
export async function deleteWebhookRow(tx: Executor, workspaceId: string, id: string): Promise<boolean> {
  await tx`DELETE FROM webhook_attempts WHERE workspace_id = ${workspaceId}::uuid AND webhook_id = ${id}`;
  await tx`DELETE FROM webhook_deliveries WHERE workspace_id = ${workspaceId}::uuid AND webhook_id = ${id}`;
  const rows = await tx`DELETE FROM webhooks WHERE workspace_id = ${workspaceId}::uuid AND id = ${id} RETURNING 1`;
  return rows.length > 0;
}

/** The new secret signs from now on; the old one keeps signing beside it for `graceHours`. */
export async function rotateWebhookSecret(tx: Executor, workspaceId: string, id: string, secret: string, graceHours: number): Promise<boolean> {
  const rows = await tx`
    UPDATE webhooks SET previous_secret = secret, previous_secret_expires_at = now() + make_interval(hours => ${graceHours}),
      secret = ${secret}, updated_at = now()
    WHERE workspace_id = ${workspaceId}::uuid AND id = ${id} RETURNING 1`;
  return rows.length > 0;
}

export type DeliveryRow = {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  created_at: Date;
  delivered_at: Date | null;
};
export type DeliveryDetailRow = DeliveryRow & { payload: Record<string, unknown>; response_excerpt: string | null };
export type AttemptRow = { attempt: number; at: Date; status_code: number | null; duration_ms: number; response_excerpt: string | null; error: string | null };

const deliveryColumns = () => sql.unsafe('id, webhook_id, event_id, event_type, status, attempts, last_status_code, last_error, next_attempt_at, created_at, delivered_at');

/** Queues one event for one endpoint (the test call, or fan-out). */
export async function insertDeliveryRow(
  tx: Executor,
  workspaceId: string,
  d: { id: string; webhookId: string; eventId: string; type: string; conversationId: string | null; payload: Record<string, unknown> },
): Promise<void> {
  await tx`
    INSERT INTO webhook_deliveries (workspace_id, id, webhook_id, event_id, event_type, conversation_id, payload, status, next_attempt_at)
    VALUES (${workspaceId}::uuid, ${d.id}, ${d.webhookId}, ${d.eventId}, ${d.type}, ${d.conversationId}, ${JSON.stringify(d.payload)}::text::json, 'pending',
      (SELECT CASE WHEN w.enabled THEN now() END FROM webhooks w WHERE w.workspace_id = ${workspaceId}::uuid AND w.id = ${d.webhookId}))`;
}

/**
 * Newest first, keyset-paged on (created_at, id). `cursor_at` is created_at to the microsecond, as text: a JS
 * Date keeps milliseconds only, and a cursor cut to them would skip rows of the same millisecond.
 */
export async function listDeliveryRows(
  workspaceId: string,
  webhookId: string,
  options: { status?: string; after?: { createdAt: string; id: string }; limit: number },
): Promise<(DeliveryRow & { cursor_at: string })[]> {
  const after = options.after;
  return sql<(DeliveryRow & { cursor_at: string })[]>`
    SELECT ${deliveryColumns()}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at FROM webhook_deliveries
    WHERE workspace_id = ${workspaceId}::uuid AND webhook_id = ${webhookId}
      ${options.status ? sql`AND status = ${options.status}` : sql``}
      ${after ? sql`AND (created_at, id COLLATE "C") < (${after.createdAt}::text::timestamptz, ${after.id} COLLATE "C")` : sql``}
    ORDER BY created_at DESC, id COLLATE "C" DESC
    LIMIT ${options.limit}`;
}

export async function findDeliveryRow(workspaceId: string, webhookId: string, id: string): Promise<{ delivery: DeliveryDetailRow; attempts: AttemptRow[] } | undefined> {
  const [delivery] = await sql<DeliveryDetailRow[]>`
    SELECT ${deliveryColumns()}, payload, response_excerpt FROM webhook_deliveries
    WHERE workspace_id = ${workspaceId}::uuid AND webhook_id = ${webhookId} AND id = ${id}`;
  if (!delivery) return undefined;
  const attempts = await sql<AttemptRow[]>`
    SELECT attempt, at, status_code, duration_ms, response_excerpt, error FROM webhook_attempts
    WHERE workspace_id = ${workspaceId}::uuid AND delivery_id = ${id} ORDER BY attempt`;
  return { delivery, attempts };
}

/** Queues a delivery again, whatever its state, with a fresh retry schedule. */
export async function requeueDeliveryRow(workspaceId: string, webhookId: string, id: string): Promise<boolean> {
  const rows = await sql`
    UPDATE webhook_deliveries SET status = 'pending', attempt_base = attempts, next_attempt_at = (SELECT CASE WHEN w.enabled THEN now() END FROM webhooks w WHERE w.workspace_id = ${workspaceId}::uuid AND w.id = ${webhookId}), delivered_at = NULL
    WHERE workspace_id = ${workspaceId}::uuid AND webhook_id = ${webhookId} AND id = ${id} AND locked_until IS NULL RETURNING 1`;
  if (rows.length > 0) return true;
  // One being attempted right now is already on its way.
  const [exists] = await sql`SELECT 1 FROM webhook_deliveries WHERE workspace_id = ${workspaceId}::uuid AND webhook_id = ${webhookId} AND id = ${id}`;
  return exists !== undefined;
}

/** Queues again every failed delivery of the endpoint created at or after `since`; returns how many. */
export async function recoverFailedDeliveries(workspaceId: string, webhookId: string, since: Date): Promise<number> {
  const rows = await sql`
    UPDATE webhook_deliveries SET status = 'pending', attempt_base = attempts, next_attempt_at = (SELECT CASE WHEN w.enabled THEN now() END FROM webhooks w WHERE w.workspace_id = ${workspaceId}::uuid AND w.id = ${webhookId})
    WHERE workspace_id = ${workspaceId}::uuid AND webhook_id = ${webhookId} AND status = 'failed' AND created_at >= ${since}
    RETURNING 1`;
  return rows.length;
}

/** Housekeeping: up to `limit` settled deliveries created before `before` go, with their attempts. */
export async function pruneDeliveries(before: Date, limit: number, workspaceIds: string[] | null = null): Promise<number> {
  const rows = await sql`
    WITH old AS (
      DELETE FROM webhook_deliveries d WHERE (d.workspace_id, d.id) IN (
        SELECT workspace_id, id FROM webhook_deliveries
        WHERE created_at < ${before} AND status <> 'pending' AND (${workspaceIds}::uuid[] IS NULL OR workspace_id = ANY(${workspaceIds}::uuid[]))
        LIMIT ${limit})
      RETURNING d.workspace_id, d.id
    ), attempts AS (
      DELETE FROM webhook_attempts a USING old WHERE a.workspace_id = old.workspace_id AND a.delivery_id = old.id RETURNING 1
    )
    SELECT 1 FROM old`;
  return rows.length;
}
