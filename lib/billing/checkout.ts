/**
 * Starting a purchase and managing it: one Stripe customer per workspace (created once, then reused),
 * Checkout in subscription mode for an upgrade, and the Customer Portal for everything after. Each writes
 * its audit entry.
 */
import { db } from '@/db';
import { insertAuditEntry } from '@/db/queries/audit';
import { getWorkspaceBilling, setStripeCustomer } from '@/db/queries/billing';
import { BillingRuleError } from './errors';
import { billingEnabled, effectivePlan, PLANS, priceIdOf, type PaidPlanId } from './plans';
import { stripeClient } from './stripe';

export type BillingActor = { userId: string | null };

/** The workspace's Stripe customer id, creating the customer on first use (under the workspace row lock). */
export async function ensureStripeCustomer(workspaceId: string, actor: BillingActor): Promise<string> {
  return db.transaction(async (tx) => {
    const workspace = await getWorkspaceBilling(workspaceId, tx, true);
    if (!workspace) throw new BillingRuleError('Workspace not found.');
    if (workspace.stripeCustomerId) return workspace.stripeCustomerId;
    const customer = await stripeClient().customers.create(
      { name: workspace.name, metadata: { workspace_id: workspaceId } },
      // A retried create (a lost answer) returns the same customer instead of a second one.
      { idempotencyKey: `confab-customer-${workspaceId}` },
    );
    await setStripeCustomer(workspaceId, customer.id, tx);
    await insertAuditEntry(tx, workspaceId, { actorUserId: actor.userId, action: 'billing.customer_created', targetType: 'stripe_customer', targetId: customer.id });
    return customer.id;
  });
}

/** A Checkout session for `plan`; the buyer comes back to Settings › Billing, which syncs the subscription. */
export async function startCheckout(workspaceId: string, plan: PaidPlanId, actor: BillingActor, origin: string): Promise<string> {
  if (!billingEnabled()) throw new BillingRuleError('Billing is off on this installation.');
  const price = priceIdOf(plan);
  if (!price) throw new BillingRuleError(`The ${PLANS[plan].name} plan has no Stripe price configured (STRIPE_PRICE_${plan.toUpperCase()}).`);
  const current = await getWorkspaceBilling(workspaceId);
  if (current && current.stripeSubscriptionId && effectivePlan(current) !== 'free') {
    throw new BillingRuleError('This workspace already has a subscription: change plans in Manage billing.');
  }
  const customer = await ensureStripeCustomer(workspaceId, actor);
  const session = await stripeClient().checkout.sessions.create({
    mode: 'subscription',
    customer,
    client_reference_id: workspaceId,
    line_items: [{ price, quantity: 1 }],
    metadata: { workspace_id: workspaceId, plan },
    subscription_data: { metadata: { workspace_id: workspaceId, plan } },
    success_url: `${origin}/settings/billing?checkout=success`,
    cancel_url: `${origin}/settings/billing?checkout=cancelled`,
  });
  if (!session.url) throw new Error('Stripe returned a Checkout session without a URL');
  await db.transaction((tx) =>
    insertAuditEntry(tx, workspaceId, { actorUserId: actor.userId, action: 'billing.checkout_started', targetType: 'checkout_session', targetId: session.id, details: { plan } }),
  );
  return session.url;
}

/** A Customer Portal session: payment methods, plan changes, invoices and cancellation. */
export async function openCustomerPortal(workspaceId: string, actor: BillingActor, origin: string): Promise<string> {
  if (!billingEnabled()) throw new BillingRuleError('Billing is off on this installation.');
  const customer = await ensureStripeCustomer(workspaceId, actor);
  const session = await stripeClient().billingPortal.sessions.create({ customer, return_url: `${origin}/settings/billing` });
  await db.transaction((tx) =>
    insertAuditEntry(tx, workspaceId, { actorUserId: actor.userId, action: 'billing.portal_opened', targetType: 'stripe_customer', targetId: customer }),
  );
  return session.url;
}
