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

// ---- The engine (worker) ---------------------------------------------------------------------------

export type ClaimedDelivery = {
  workspace_id: string;
  id: string;
  webhook_id: string;
  event_id: string;
  payload: Record<string, unknown>;
  attempts: number;
  attempt_base: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
};

/**
 * The engine's statements sweep every workspace (the worker) unless `workspaceIds` names some (tests, which
 * must leave other tests' data alone).
 *
 * Moves up to `limit` events from the outbox to deliveries, one per endpoint subscribed now, removing them
 * from the outbox, and leases at once the new deliveries that fit their endpoint's in-flight cap — so a
 * fresh event is sent without another round trip — in one statement. The rest wait for `claimDueDeliveries`.
 */
export async function fanOutEvents(
  limit: number,
  options: { perEndpoint: number; leaseSeconds: number; workspaceIds?: string[] | null },
): Promise<{ events: number; leased: ClaimedDelivery[] }> {
  const workspaceIds = options.workspaceIds ?? null;
  const rows = await sql<(ClaimedDelivery & { events: number })[]>`
    WITH ev AS (
      DELETE FROM outbox_events o
      WHERE (o.workspace_id, o.id) IN (
        SELECT workspace_id, id FROM outbox_events WHERE ${workspaceIds}::uuid[] IS NULL OR workspace_id = ANY(${workspaceIds}::uuid[])
        ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING o.workspace_id, o.id, o.event_id, o.type, o.conversation_id, o.payload, o.created_at
    ), targets AS (
      SELECT ev.*, w.id AS webhook_id, row_number() OVER (PARTITION BY ev.workspace_id, w.id ORDER BY ev.id) AS rn
      FROM ev JOIN webhooks w ON w.workspace_id = ev.workspace_id AND w.enabled AND ev.type = ANY(w.events)
    ), inflight AS (
      SELECT workspace_id, webhook_id, count(*)::int AS n FROM webhook_deliveries
      WHERE locked_until > now() AND (workspace_id, webhook_id) IN (SELECT workspace_id, webhook_id FROM targets)
      GROUP BY 1, 2
    ), queued AS (
      INSERT INTO webhook_deliveries (workspace_id, id, webhook_id, event_id, event_type, conversation_id, payload, status, next_attempt_at, attempts, locked_until)
      SELECT t.workspace_id, 'dlv_' || replace(gen_random_uuid()::text, '-', ''), t.webhook_id, t.event_id, t.type, t.conversation_id,
        json_build_object('id', t.event_id, 'type', t.type,
          'createdAt', to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', t.payload),
        'pending',
        CASE WHEN t.rn + coalesce(i.n, 0) <= ${options.perEndpoint} THEN now() + make_interval(secs => ${options.leaseSeconds}) ELSE now() END,
        CASE WHEN t.rn + coalesce(i.n, 0) <= ${options.perEndpoint} THEN 1 ELSE 0 END,
        CASE WHEN t.rn + coalesce(i.n, 0) <= ${options.perEndpoint} THEN now() + make_interval(secs => ${options.leaseSeconds}) END
      FROM targets t LEFT JOIN inflight i ON i.workspace_id = t.workspace_id AND i.webhook_id = t.webhook_id
      ORDER BY t.id
      RETURNING workspace_id, id, webhook_id, event_id, payload, attempts, attempt_base, locked_until
    )
    SELECT e.events, q.workspace_id, q.id, q.webhook_id, q.event_id, q.payload, q.attempts, q.attempt_base,
      w.url, w.secret, w.previous_secret, w.previous_secret_expires_at
    FROM (SELECT count(*)::int AS events FROM ev) e
    LEFT JOIN queued q ON q.locked_until IS NOT NULL
    LEFT JOIN webhooks w ON w.workspace_id = q.workspace_id AND w.id = q.webhook_id`;
  const events = rows[0]?.events ?? 0;
  const leased = rows.filter((r) => r.id !== null).map(({ events: _events, ...r }) => r);
  return { events, leased };
}


/**
 * Leases up to `limit` due deliveries of enabled endpoints, at most `perEndpoint` in flight per endpoint
 * (counting other workers' leases), and counts the attempt. A worker that dies mid-attempt leaves its lease
 * to expire after `leaseSeconds`; the delivery is then attempted again.
 */
export async function claimDueDeliveries(limit: number, perEndpoint: number, leaseSeconds: number, workspaceIds: string[] | null = null): Promise<ClaimedDelivery[]> {
  return sql<ClaimedDelivery[]>`
    WITH due AS (
      -- An ordered walk of the pending index, locking as it goes: leased rows carry their lease's end and
      -- disabled endpoints' rows no time at all, so what is due now is exactly what may be sent.
      SELECT d.workspace_id, d.id, d.webhook_id, d.next_attempt_at
      FROM webhook_deliveries d
      WHERE d.status = 'pending' AND d.next_attempt_at <= now()
        AND (${workspaceIds}::uuid[] IS NULL OR d.workspace_id = ANY(${workspaceIds}::uuid[]))
      ORDER BY d.next_attempt_at
      LIMIT ${limit * 4}
      FOR UPDATE OF d SKIP LOCKED
    ), ranked AS (
      SELECT due.*, row_number() OVER (PARTITION BY workspace_id, webhook_id ORDER BY next_attempt_at, id) AS rn FROM due
    ), inflight AS (
      SELECT workspace_id, webhook_id, count(*)::int AS n FROM webhook_deliveries
      WHERE locked_until IS NOT NULL AND locked_until > now() AND (workspace_id, webhook_id) IN (SELECT workspace_id, webhook_id FROM due)
      GROUP BY 1, 2
    ), picked AS (
      SELECT r.workspace_id, r.id FROM ranked r LEFT JOIN inflight i USING (workspace_id, webhook_id)
      WHERE r.rn + coalesce(i.n, 0) <= ${perEndpoint}
      ORDER BY r.next_attempt_at LIMIT ${limit}
    )
    UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => ${leaseSeconds}),
      next_attempt_at = now() + make_interval(secs => ${leaseSeconds}), attempts = d.attempts + 1
    FROM picked l, webhooks w
    WHERE d.workspace_id = l.workspace_id AND d.id = l.id AND w.workspace_id = d.workspace_id AND w.id = d.webhook_id AND w.enabled
    RETURNING d.workspace_id, d.id, d.webhook_id, d.event_id, d.payload, d.attempts, d.attempt_base,
      w.url, w.secret, w.previous_secret, w.previous_secret_expires_at`;
}

export type AttemptOutcome = {
  workspaceId: string;
  deliveryId: string;
  webhookId: string;
  attempt: number;
  at: Date;
  statusCode: number | null;
  durationMs: number;
  excerpt: string | null;
  error: string | null;
  /** What becomes of the delivery. */
  next: { status: 'delivered' } | { status: 'pending'; retryAt: Date } | { status: 'failed' };
  /** The endpoint answered 410 Gone: it is disabled. */
  gone: boolean;
};

/**
 * Records a batch of attempts in one transaction: the attempts log, each delivery's new state, each
 * endpoint's failure streak (410 disables it; five days of nothing but failures disables it). Returns the
 * endpoints this batch disabled for the five-day rule, so their admins can be told.
 */
export async function recordAttempts(outcomes: AttemptOutcome[], failingDays: number): Promise<{ workspace_id: string; id: string; url: string }[]> {
  if (outcomes.length === 0) return [];
  const rows = outcomes.map((o) => ({
    w: o.workspaceId,
    d: o.deliveryId,
    h: o.webhookId,
    n: o.attempt,
    at: o.at.toISOString(),
    sc: o.statusCode,
    ms: o.durationMs,
    ex: o.excerpt,
    er: o.error,
    st: o.next.status,
    ra: o.next.status === 'pending' ? o.next.retryAt.toISOString() : null,
    ok: o.next.status === 'delivered',
    g: o.gone,
  }));
  const payload = JSON.stringify(rows);
  // One statement for the log, the deliveries and the endpoints' streaks; an endpoint row is written only when
  // its state changes (a success on a healthy endpoint leaves it alone, so lanes do not queue on it).
  await sql`
    WITH x AS (
      SELECT * FROM json_to_recordset(${payload}::text::json)
        AS x(w uuid, d text, h text, n int, at timestamptz, sc int, ms int, ex text, er text, st text, ra timestamptz, ok boolean, g boolean)
    ), logged AS (
      INSERT INTO webhook_attempts (workspace_id, delivery_id, webhook_id, attempt, at, status_code, duration_ms, response_excerpt, error)
      SELECT w, d, h, n, at, sc, ms, ex, er FROM x ORDER BY w, d, n
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), settled AS (
      UPDATE webhook_deliveries d SET
        status = x.st, locked_until = NULL, next_attempt_at = x.ra, last_status_code = x.sc, last_error = x.er,
        response_excerpt = x.ex, delivered_at = CASE WHEN x.ok THEN x.at ELSE d.delivered_at END
      FROM x WHERE d.workspace_id = x.w AND d.id = x.d
      RETURNING 1
    ), e AS (
      SELECT w, h, bool_or(ok) AS ok, bool_or(g) AS gone, count(*) FILTER (WHERE NOT ok)::int AS failures, min(at) AS first_at
      FROM x GROUP BY 1, 2
    )
    UPDATE webhooks wh SET
      consecutive_failures = CASE WHEN e.ok THEN 0 ELSE wh.consecutive_failures + e.failures END,
      failing_since = CASE WHEN e.ok THEN NULL ELSE coalesce(wh.failing_since, e.first_at) END,
      enabled = CASE WHEN e.gone THEN false ELSE wh.enabled END,
      disabled_reason = CASE WHEN e.gone THEN 'The endpoint answered 410 Gone' ELSE wh.disabled_reason END,
      updated_at = CASE WHEN e.gone THEN now() ELSE wh.updated_at END
    FROM e
    WHERE wh.workspace_id = e.w AND wh.id = e.h
      AND (NOT e.ok OR e.gone OR wh.consecutive_failures <> 0 OR wh.failing_since IS NOT NULL)`;
  if (outcomes.some((o) => o.gone)) await parkDisabledDeliveries();
  if (outcomes.every((o) => o.next.status === 'delivered')) return [];
  const disabled = await sql<{ workspace_id: string; id: string; url: string }[]>`
    UPDATE webhooks w SET enabled = false, updated_at = now(),
      disabled_reason = ${`Every delivery failed for ${failingDays} days`}
    WHERE w.enabled AND w.failing_since <= now() - make_interval(days => ${failingDays})
      AND (w.workspace_id, w.id) IN (SELECT x.w, x.h FROM json_to_recordset(${payload}::text::json) AS x(w uuid, h text))
    RETURNING w.workspace_id, w.id, w.url`;
  if (disabled.length) await parkDisabledDeliveries();
  return disabled;
}

/**
 * A disabled endpoint's pending deliveries wait with no time (out of the claim's way); enabling it gives
 * them `now()` again. Leased ones keep their lease.
 */
async function parkDisabledDeliveries() {
  await sql`
    UPDATE webhook_deliveries d SET next_attempt_at = NULL
    FROM webhooks w
    WHERE w.workspace_id = d.workspace_id AND w.id = d.webhook_id AND NOT w.enabled
      AND d.status = 'pending' AND d.next_attempt_at IS NOT NULL AND d.locked_until IS NULL`;
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

/** The e-mail addresses of a workspace's owners and admins. */
export async function workspaceAdminEmails(workspaceId: string): Promise<string[]> {
  const rows = await sql<{ email: string }[]>`
    SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.workspace_id = ${workspaceId}::uuid AND m.role IN ('owner', 'admin') ORDER BY u.email`;
  return rows.map((r) => r.email);
}
