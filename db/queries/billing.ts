/** Billing: the workspace's Stripe state, the per-period usage counters, and the Stripe events already applied. */
import { and, eq, gt, isNull, sql as dsql } from 'drizzle-orm';
import type { TransactionSql } from 'postgres';
import { db, type DbExecutor } from '../index';
import { billingUsage, invitations, memberships, stripeEvents, workspaces } from '../schema';

export type WorkspaceBilling = {
  id: string;
  name: string;
  plan: string;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  subscriptionStatus: string | null;
  billingPeriodStart: Date | null;
  billingPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
};

const billingColumns = {
  id: workspaces.id,
  name: workspaces.name,
  plan: workspaces.plan,
  stripeCustomerId: workspaces.stripeCustomerId,
  stripeSubscriptionId: workspaces.stripeSubscriptionId,
  subscriptionStatus: workspaces.subscriptionStatus,
  billingPeriodStart: workspaces.billingPeriodStart,
  billingPeriodEnd: workspaces.billingPeriodEnd,
  cancelAtPeriodEnd: workspaces.cancelAtPeriodEnd,
  pastDueSince: workspaces.pastDueSince,
};

export async function getWorkspaceBilling(workspaceId: string, tx: DbExecutor = db, lock = false): Promise<WorkspaceBilling | null> {
  const query = tx.select(billingColumns).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  // NO KEY UPDATE: ingestion's foreign-key checks on the workspace row go on unblocked.
  const [row] = lock ? await query.for('no key update') : await query;
  return row ?? null;
}

/** The one lookup by Stripe customer (the webhook knows only that); the customer id is one workspace's. */
export async function findWorkspaceIdByCustomer(customerId: string, tx: DbExecutor = db): Promise<string | null> {
  const [row] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.stripeCustomerId, customerId)).limit(1);
  return row?.id ?? null;
}

export async function setStripeCustomer(workspaceId: string, customerId: string, tx: DbExecutor) {
  await tx.update(workspaces).set({ stripeCustomerId: customerId }).where(and(eq(workspaces.id, workspaceId), isNull(workspaces.stripeCustomerId)));
}

export type SubscriptionFields = Pick<WorkspaceBilling, 'plan' | 'stripeSubscriptionId' | 'subscriptionStatus' | 'billingPeriodStart' | 'billingPeriodEnd' | 'cancelAtPeriodEnd' | 'pastDueSince'>;

export async function updateWorkspaceSubscription(workspaceId: string, values: SubscriptionFields, tx: DbExecutor) {
  await tx.update(workspaces).set(values).where(eq(workspaces.id, workspaceId));
}

/** True when the event id is new (and is now recorded), false for a redelivery. */
export async function recordStripeEvent(id: string, type: string, tx: DbExecutor = db): Promise<boolean> {
  const rows = await tx.insert(stripeEvents).values({ id, type }).onConflictDoNothing().returning({ id: stripeEvents.id });
  return rows.length > 0;
}

export async function forgetStripeEvent(id: string) {
  await db.delete(stripeEvents).where(eq(stripeEvents.id, id));
}

export type Admission = { conversations: number; limit: number; admitted: number; notice: 80 | 100 | null; periodEnd: Date };

/**
 * Counts up to `count` new conversations into the workspace's usage row of the current period, never past
 * the effective plan's limit, in ONE statement: the upsert holds the row lock, so concurrent batches take
 * turns and the boundary is exact. The plan, period and grace rules are lib/billing/plans.ts's, in SQL.
 * SET expressions read the row's old values, so `last_admitted` and `last_notice` are this call's own.
 */
export async function admitConversations(tx: TransactionSql, workspaceId: string, count: number, limits: string, graceDays: number): Promise<Admission | null> {
  const next = tx`LEAST(u.conversations + ${count}::int, GREATEST(u.conversations, EXCLUDED.conversation_limit))`;
  const [row] = await tx<{ conversations: number; conversation_limit: number; last_admitted: number; last_notice: number | null; period_end: Date }[]>`
    WITH w AS (
      SELECT CASE WHEN plan IN ('pro', 'team') AND (subscription_status IN ('active', 'trialing')
                    OR (subscription_status = 'past_due' AND past_due_since > now() - ${graceDays}::int * interval '1 day'))
                  THEN plan ELSE 'free' END AS plan,
             billing_period_start AS ps, billing_period_end AS pe
      FROM workspaces WHERE id = ${workspaceId}::uuid
    ), p AS (
      SELECT (plan <> 'free' AND ps <= now() AND pe > now()) AS subscribed, ps, pe,
             date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month_start,
             (${limits}::text::jsonb ->> plan)::int AS lim
      FROM w
    ), a AS (
      SELECT CASE WHEN subscribed THEN ps ELSE month_start END AS period_start,
             CASE WHEN subscribed THEN pe ELSE ((month_start AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC' END AS period_end,
             lim, LEAST(${count}::int, lim) AS n
      FROM p
    )
    INSERT INTO billing_usage AS u (workspace_id, period_start, period_end, conversations, conversation_limit, last_admitted, last_notice, notified_80_at, notified_100_at)
    SELECT ${workspaceId}::uuid, period_start, period_end, n, lim, n,
           CASE WHEN n >= lim THEN 100 WHEN n * 5 >= lim * 4 THEN 80 END,
           CASE WHEN n * 5 >= lim * 4 THEN now() END,
           CASE WHEN n >= lim THEN now() END
    FROM a
    ON CONFLICT (workspace_id, period_start) DO UPDATE SET
      conversations = ${next},
      conversation_limit = EXCLUDED.conversation_limit,
      period_end = EXCLUDED.period_end,
      last_admitted = ${next} - u.conversations,
      last_notice = CASE WHEN u.notified_100_at IS NULL AND ${next} >= EXCLUDED.conversation_limit THEN 100
                         WHEN u.notified_80_at IS NULL AND ${next} * 5 >= EXCLUDED.conversation_limit * 4 THEN 80 END,
      notified_80_at = COALESCE(u.notified_80_at, CASE WHEN ${next} * 5 >= EXCLUDED.conversation_limit * 4 THEN now() END),
      notified_100_at = COALESCE(u.notified_100_at, CASE WHEN ${next} >= EXCLUDED.conversation_limit THEN now() END)
    RETURNING conversations, conversation_limit, last_admitted, last_notice, period_end`;
  if (!row) return null;
  const notice = row.last_notice === 100 ? 100 : row.last_notice === 80 ? 80 : null;
  return { conversations: row.conversations, limit: row.conversation_limit, admitted: row.last_admitted, notice, periodEnd: row.period_end };
}

/** Conversations counted in the period starting at `periodStart` (0 before the first). */
export async function findPeriodUsage(workspaceId: string, periodStart: Date) {
  const [row] = await db
    .select({ conversations: billingUsage.conversations })
    .from(billingUsage)
    .where(and(eq(billingUsage.workspaceId, workspaceId), eq(billingUsage.periodStart, periodStart)))
    .limit(1);
  return row?.conversations ?? 0;
}

/** Messages stored in [start, end), from the hourly rollups (no per-message counter on the ingest path). */
export async function countMessagesBetween(workspaceId: string, start: Date, end: Date) {
  const [row] = await db.execute<{ n: number }>(dsql`
    SELECT COALESCE(sum(messages), 0)::int AS n FROM rollup_hourly
    WHERE workspace_id = ${workspaceId}::uuid AND bucket >= date_trunc('hour', ${start.toISOString()}::timestamptz) AND bucket < ${end.toISOString()}::timestamptz`);
  return Number(row?.n ?? 0);
}

/** Members plus pending invitations: what a plan's seats count. */
export async function countSeatsTaken(workspaceId: string, tx: DbExecutor = db, now = new Date()) {
  const [members] = await tx.select({ n: dsql<number>`count(*)::int` }).from(memberships).where(eq(memberships.workspaceId, workspaceId));
  const [pending] = await tx
    .select({ n: dsql<number>`count(*)::int` })
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)));
  return { members: members?.n ?? 0, pending: pending?.n ?? 0 };
}
