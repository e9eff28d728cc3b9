/**
 * `syncSubscription(customerId)`: reads the customer's subscriptions from Stripe and writes the workspace's
 * plan, status and period from what Stripe holds now. Webhooks and the return from Checkout both call it, so
 * events arriving late, twice or out of order all end in Stripe's current state.
 */
import type Stripe from 'stripe';
import { db } from '@/db';
import { insertAuditEntry } from '@/db/queries/audit';
import { findWorkspaceIdByCustomer, getWorkspaceBilling, updateWorkspaceSubscription, type SubscriptionFields } from '@/db/queries/billing';
import { planOfPrice } from './plans';
import { stripeClient } from './stripe';

/** Statuses in which a subscription is the workspace's current one, most relevant first. */
const LIVE = ['active', 'trialing', 'past_due', 'unpaid', 'incomplete', 'paused'];

/** The subscription that decides the plan: a live one (best status, newest), else none. */
export function currentSubscription(subscriptions: Stripe.Subscription[]): Stripe.Subscription | null {
  const live = subscriptions.filter((s) => LIVE.includes(s.status));
  live.sort((a, b) => LIVE.indexOf(a.status) - LIVE.indexOf(b.status) || b.created - a.created);
  return live[0] ?? null;
}

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/** The workspace columns a subscription (or none: back to free) stands for. */
export function subscriptionFields(subscription: Stripe.Subscription | null, previousPastDueSince: Date | null, now = new Date()): SubscriptionFields {
  const item = subscription?.items.data[0];
  const plan = subscription ? planOfPrice(item?.price.id) : null;
  if (!subscription || !plan) {
    return { plan: 'free', stripeSubscriptionId: null, subscriptionStatus: subscription ? subscription.status : null, billingPeriodStart: null, billingPeriodEnd: null, cancelAtPeriodEnd: false, pastDueSince: null };
  }
  return {
    plan,
    stripeSubscriptionId: subscription.id,
    subscriptionStatus: subscription.status,
    billingPeriodStart: fromUnix(item?.current_period_start),
    billingPeriodEnd: fromUnix(item?.current_period_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    // The grace period counts from when the workspace first fell past due, however often it is synced.
    pastDueSince: subscription.status === 'past_due' ? (previousPastDueSince ?? now) : null,
  };
}

export type SyncResult = { workspaceId: string; changed: boolean; fields: SubscriptionFields } | null;

/** Null when no workspace has this customer. `actorUserId`: the owner back from Checkout, else null (Stripe). */
export async function syncSubscription(customerId: string, actorUserId: string | null = null): Promise<SyncResult> {
  const workspaceId = await findWorkspaceIdByCustomer(customerId);
  if (!workspaceId) return null;
  const { data } = await stripeClient().subscriptions.list({ customer: customerId, status: 'all', limit: 20 });
  const subscription = currentSubscription(data);
  return db.transaction(async (tx) => {
    const before = await getWorkspaceBilling(workspaceId, tx, true);
    if (!before) return null;
    const fields = subscriptionFields(subscription, before.subscriptionStatus === 'past_due' ? before.pastDueSince : null);
    const keys = Object.keys(fields) as (keyof SubscriptionFields)[];
    const same = (a: unknown, b: unknown) => (a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime() : a === b);
    const changed = keys.filter((k) => !same(before[k], fields[k]));
    if (changed.length === 0) return { workspaceId, changed: false, fields };
    await updateWorkspaceSubscription(workspaceId, fields, tx);
    await insertAuditEntry(tx, workspaceId, {
      actorUserId,
      action: before.plan !== fields.plan ? 'billing.plan_changed' : 'billing.subscription_updated',
      targetType: 'subscription',
      targetId: fields.stripeSubscriptionId ?? before.stripeSubscriptionId ?? customerId,
      details: {
        from: { plan: before.plan, status: before.subscriptionStatus },
        to: { plan: fields.plan, status: fields.subscriptionStatus, periodEnd: fields.billingPeriodEnd?.toISOString() ?? null },
        changed,
      },
      ...(actorUserId ? {} : { ip: null }),
    });
    return { workspaceId, changed: true, fields };
  });
}
