/**
 * The delivery engine's statements (the worker's): they sweep every workspace unless `workspaceIds` names
 * some (tests, which must leave other tests' data alone), keyed by (workspace_id, id) throughout.
 */
import type { TransactionSql } from 'postgres';
import { sql } from '@/db';

type Executor = typeof sql | TransactionSql;

export type ClaimedDelivery = {
  workspace_id: string;
  id: string;
  webhook_id: string;
  event_id: string;
  /** The delivery envelope (DESIGN §7), as stored; or, for a fresh event, `body`: the envelope as sent. */
  payload: Record<string, unknown> | null;
  body?: string;
  attempts: number;
  attempt_base: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
};

/** An outbox event with one endpoint subscribed to it now (`webhook_id` null: no endpoint wants it). */
export type OutboxTarget = Omit<ClaimedDelivery, 'id' | 'webhook_id' | 'attempts' | 'attempt_base' | 'payload'> & {
  outbox_id: string;
  event_type: string;
  conversation_id: string | null;
  /** `createdAt` as the envelope gives it, and the event's `data` as stored (json text, never re-encoded). */
  created_at_text: string;
  data: string;
  webhook_id: string | null;
};

/**
 * Locks up to `limit` outbox events in `tx` (`SKIP LOCKED`, so workers take different ones), each joined with
 * the enabled endpoints subscribed to its type now.
 */
export async function lockOutboxEvents(tx: TransactionSql, limit: number, workspaceIds: string[] | null): Promise<OutboxTarget[]> {
  return tx<OutboxTarget[]>`
    WITH ev AS (
      SELECT workspace_id, id, event_id, type, conversation_id, payload, created_at FROM outbox_events
      WHERE ${workspaceIds}::uuid[] IS NULL OR workspace_id = ANY(${workspaceIds}::uuid[])
      ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    SELECT ev.workspace_id, ev.id::text AS outbox_id, ev.event_id, ev.type AS event_type, ev.conversation_id,
      to_char(ev.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at_text, ev.payload::text AS data,
      w.id AS webhook_id, w.url, w.secret, w.previous_secret, w.previous_secret_expires_at
    FROM ev LEFT JOIN webhooks w ON w.workspace_id = ev.workspace_id AND w.enabled AND ev.type = ANY(w.events)
    ORDER BY ev.id, w.id`;
}

/** A fresh delivery as it is first written: already attempted (settled, or still running: leased) or queued. */
export type FreshDelivery = {
  target: OutboxTarget & { webhook_id: string };
  id: string;
  state:
    | { kind: 'attempted'; outcome: AttemptOutcome }
    | { kind: 'leased' } // its attempt is still running; the recorder settles it
    | { kind: 'queued' }; // its endpoint had no room: the claim picks it up
};

/**
 * In the transaction that locked them: the outbox events go, and each fresh delivery is inserted once, in the
 * state its first attempt left it (so a delivery that succeeds at once is one row written once).
 */
export async function writeFreshDeliveries(
  tx: TransactionSql,
  events: { workspaceId: string; outboxId: string }[],
  deliveries: FreshDelivery[],
  leaseSeconds: number,
): Promise<void> {
  const gone = JSON.stringify(events.map((e) => ({ w: e.workspaceId, id: e.outboxId })));
  const rows = JSON.stringify(
    deliveries.map(({ target: t, id, state }) => {
      const o = state.kind === 'attempted' ? state.outcome : null;
      return {
        w: t.workspace_id,
        d: id,
        h: t.webhook_id,
        o: t.outbox_id,
        st: o ? o.next.status : 'pending',
        ra: o?.next.status === 'pending' ? o.next.retryAt.toISOString() : null,
        n: state.kind === 'queued' ? 0 : 1,
        l: state.kind === 'leased',
        sc: o?.statusCode ?? null,
        er: o?.error ?? null,
        ex: o?.excerpt ?? null,
        da: o?.next.status === 'delivered' ? o.at.toISOString() : null,
      };
    }),
  );
  // The envelope is built here from the outbox row being removed, so no payload travels back from the worker.
  await tx`
    WITH gone AS (
      DELETE FROM outbox_events o USING json_to_recordset(${gone}::text::json) AS x(w uuid, id bigint)
      WHERE o.workspace_id = x.w AND o.id = x.id
      RETURNING o.workspace_id, o.id, o.event_id, o.type, o.conversation_id, o.payload, o.created_at
    )
    INSERT INTO webhook_deliveries (workspace_id, id, webhook_id, event_id, event_type, conversation_id, payload, status,
      next_attempt_at, attempts, locked_until, last_status_code, last_error, response_excerpt, delivered_at)
    SELECT x.w, x.d, x.h, g.event_id, g.type, g.conversation_id,
      json_build_object('id', g.event_id, 'type', g.type,
        'createdAt', to_char(g.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', g.payload),
      x.st,
      CASE WHEN x.l THEN now() + make_interval(secs => ${leaseSeconds}) WHEN x.st = 'pending' THEN coalesce(x.ra, now()) END,
      x.n, CASE WHEN x.l THEN now() + make_interval(secs => ${leaseSeconds}) END, x.sc, x.er, x.ex, x.da
    FROM json_to_recordset(${rows}::text::json)
      AS x(w uuid, d text, h text, o bigint, st text, ra timestamptz, n int, l boolean, sc int, er text, ex text, da timestamptz)
    JOIN gone g ON g.workspace_id = x.w AND g.id = x.o
    ORDER BY x.w, x.d`;
}

/**
 * Leases up to `limit` due deliveries of enabled endpoints, at most `perEndpoint` in flight per endpoint
 * (counting every worker's leases, and `unleased`: this worker's fresh attempts, which have no row yet), and
 * counts the attempt. A worker that dies mid-attempt leaves its lease
 * to expire after `leaseSeconds`; the delivery is then attempted again.
 */
export async function claimDueDeliveries(
  limit: number,
  perEndpoint: number,
  leaseSeconds: number,
  workspaceIds: string[] | null = null,
  unleased: { workspaceId: string; webhookId: string; n: number }[] = [],
): Promise<ClaimedDelivery[]> {
  const local = JSON.stringify(unleased.map((u) => ({ w: u.workspaceId, h: u.webhookId, n: u.n })));
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
      SELECT workspace_id, webhook_id, sum(n)::int AS n FROM (
        SELECT workspace_id, webhook_id, count(*)::int AS n FROM webhook_deliveries
        WHERE locked_until IS NOT NULL AND locked_until > now() AND (workspace_id, webhook_id) IN (SELECT workspace_id, webhook_id FROM due)
        GROUP BY 1, 2
        UNION ALL
        SELECT w, h, n FROM json_to_recordset(${local}::text::json) AS l(w uuid, h text, n int)
      ) u GROUP BY 1, 2
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
export async function recordAttempts(
  outcomes: AttemptOutcome[],
  failingDays: number,
  options: { tx?: TransactionSql; deliveriesWritten?: boolean } = {},
): Promise<{ workspace_id: string; id: string; url: string }[]> {
  const q: Executor = options.tx ?? sql;
  const settle = !options.deliveriesWritten;
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
  // its state changes (a success on a healthy endpoint leaves it alone, so lanes do not queue on it), and
  // locked in key order first, so that concurrent recorders wait for each other instead of deadlocking.
  await q`
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
      FROM x WHERE ${settle}::boolean AND d.workspace_id = x.w AND d.id = x.d
      RETURNING 1
    ), e AS (
      SELECT w, h, bool_or(ok) AS ok, bool_or(g) AS gone, count(*) FILTER (WHERE NOT ok)::int AS failures, min(at) AS first_at
      FROM x GROUP BY 1, 2
    ), locked AS (
      SELECT wh.workspace_id, wh.id FROM webhooks wh JOIN e ON wh.workspace_id = e.w AND wh.id = e.h
      WHERE NOT e.ok OR e.gone OR wh.consecutive_failures <> 0 OR wh.failing_since IS NOT NULL
      ORDER BY wh.workspace_id, wh.id
      FOR NO KEY UPDATE OF wh
    )
    UPDATE webhooks wh SET
      consecutive_failures = CASE WHEN e.ok THEN 0 ELSE wh.consecutive_failures + e.failures END,
      failing_since = CASE WHEN e.ok THEN NULL ELSE coalesce(wh.failing_since, e.first_at) END,
      enabled = CASE WHEN e.gone THEN false ELSE wh.enabled END,
      disabled_reason = CASE WHEN e.gone THEN 'The endpoint answered 410 Gone' ELSE wh.disabled_reason END,
      updated_at = CASE WHEN e.gone THEN now() ELSE wh.updated_at END
    FROM e JOIN locked l ON l.workspace_id = e.w AND l.id = e.h
    WHERE wh.workspace_id = e.w AND wh.id = e.h
      AND (NOT e.ok OR e.gone OR wh.consecutive_failures <> 0 OR wh.failing_since IS NOT NULL)`;
  if (outcomes.some((o) => o.gone)) await parkDisabledDeliveries(q);
  if (outcomes.every((o) => o.next.status === 'delivered')) return [];
  const disabled = await q<{ workspace_id: string; id: string; url: string }[]>`
    UPDATE webhooks w SET enabled = false, updated_at = now(),
      disabled_reason = ${`Every delivery failed for ${failingDays} days`}
    WHERE w.enabled AND w.failing_since <= now() - make_interval(days => ${failingDays})
      AND (w.workspace_id, w.id) IN (SELECT x.w, x.h FROM json_to_recordset(${payload}::text::json) AS x(w uuid, h text))
    RETURNING w.workspace_id, w.id, w.url`;
  if (disabled.length) await parkDisabledDeliveries(q);
  return disabled;
}

/**
 * A disabled endpoint's pending deliveries wait with no time (out of the claim's way); enabling it gives
 * them `now()` again. Leased ones keep their lease.
 */
async function parkDisabledDeliveries(q: Executor) {
  await q`
    UPDATE webhook_deliveries d SET next_attempt_at = NULL
    FROM webhooks w
    WHERE w.workspace_id = d.workspace_id AND w.id = d.webhook_id AND NOT w.enabled
      AND d.status = 'pending' AND d.next_attempt_at IS NOT NULL AND d.locked_until IS NULL`;
}


/**
 * What the yield gate looks at (yield-gate.ts): whether another process (the web server) has a statement of
 * this database running — sessions of another `application_name` than this process's (`npm start` names its
 * web server and worker apart; see CONFAB_DB_APPLICATION_NAME), active or inside a transaction — and how long
 * the oldest outbox event (of `workspaceIds`, or of all) has waited. The web server's work is platform-wide.
 */
export async function lookAtIngestion(workspaceIds: string[] | null = null): Promise<{ busy: boolean; oldestAgeMs: number | null }> {
  const [row] = await sql<{ busy: boolean; oldest_ms: number | null }[]>`
    SELECT EXISTS (
      SELECT 1 FROM pg_stat_activity
      WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
        AND application_name <> current_setting('application_name')
        AND state IN ('active', 'idle in transaction')
    ) AS busy,
    (SELECT (extract(epoch FROM clock_timestamp() - created_at) * 1000)::float8 FROM outbox_events
      WHERE ${workspaceIds}::uuid[] IS NULL OR workspace_id = ANY(${workspaceIds}::uuid[])
      ORDER BY id LIMIT 1) AS oldest_ms`;
  return { busy: row.busy, oldestAgeMs: row.oldest_ms };
}
