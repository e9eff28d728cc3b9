import { afterAll, describe, expect, test } from 'vitest';
import { NextRequest } from 'next/server';
import { closeDb, sql } from '@/db';
import { getWorkspaceBilling } from '@/db/queries/billing';
import { POST as webhookRoute } from '@/app/api/stripe/webhook/route';
import { createInvitation } from '@/lib/team/invitations';
import { ingestBatch } from '@/lib/ingest/batch';
import { PRICE_PRO, PRICE_TEAM, setFreeUsage, setUpFakeStripe, WEBHOOK_SECRET, workspaceWithOwner } from '@/test/billing';
import { uniqueEmail } from '@/test/factories';
import { ensureStripeCustomer, openCustomerPortal, startCheckout } from './checkout';
import { apiBaseOptions } from './stripe';
import { syncSubscription } from './sync';

afterAll(closeDb);
const { server } = setUpFakeStripe();
const ORIGIN = 'https://confab.example.com';

const postWebhook = (body: string, signature?: string) =>
  webhookRoute(new NextRequest('http://localhost/api/stripe/webhook', { method: 'POST', body, headers: signature ? { 'stripe-signature': signature } : {} }));

async function send(type: string, object: Record<string, unknown>) {
  const event = server().signedEvent(type, object, WEBHOOK_SECRET);
  return { event, res: await postWebhook(event.body, event.signature) };
}

async function customerWorkspace() {
  const { ws, owner } = await workspaceWithOwner();
  const customer = await ensureStripeCustomer(ws.id, { userId: owner.id });
  return { ws, owner, customer };
}

const auditActions = async (workspaceId: string) =>
  (await sql<{ action: string }[]>`SELECT action FROM audit_log WHERE workspace_id = ${workspaceId}::uuid ORDER BY id`).map((r) => r.action);

test('STRIPE_API_BASE becomes the SDK host, port and protocol', () => {
  expect(apiBaseOptions('http://127.0.0.1:12111')).toEqual({ host: '127.0.0.1', port: '12111', protocol: 'http' });
  expect(apiBaseOptions('https://stripe.internal')).toEqual({ host: 'stripe.internal', port: 443, protocol: 'https' });
  expect(apiBaseOptions(undefined)).toEqual({});
});

describe('Checkout and sync', () => {
  test('Checkout: subscription mode, the plan price, the workspace as reference and metadata; the customer is created once and reused', async () => {
    const { ws, owner } = await workspaceWithOwner();
    const url = await startCheckout(ws.id, 'pro', { userId: owner.id }, ORIGIN);
    const url2 = await startCheckout(ws.id, 'team', { userId: owner.id }, ORIGIN);
    const sessions = [...server().sessions.values()].filter((s) => s.client_reference_id === ws.id);
    expect(sessions.map((s) => s.url)).toEqual([url, url2]);
    expect(sessions[0]).toMatchObject({ mode: 'subscription', price: PRICE_PRO, metadata: { workspace_id: ws.id, plan: 'pro' }, success_url: `${ORIGIN}/settings/billing?checkout=success` });
    expect(sessions[1].price).toBe(PRICE_TEAM);
    const customers = [...server().customers.values()].filter((c) => c.metadata.workspace_id === ws.id);
    expect(customers).toHaveLength(1);
    expect(sessions.every((s) => s.customer === customers[0].id)).toBe(true);
    expect((await getWorkspaceBilling(ws.id))!.stripeCustomerId).toBe(customers[0].id);
    expect(await auditActions(ws.id)).toEqual(['billing.customer_created', 'billing.checkout_started', 'billing.checkout_started']);
  });

  test('checkout.session.completed → Pro, with the period from Stripe', async () => {
    const { ws, customer } = await customerWorkspace();
    const sub = server().createSubscription(customer, PRICE_PRO);
    const { res } = await send('checkout.session.completed', { id: 'cs_1', object: 'checkout.session', customer, client_reference_id: ws.id });
    expect(res.status).toBe(200);
    expect(await getWorkspaceBilling(ws.id)).toMatchObject({
      plan: 'pro',
      subscriptionStatus: 'active',
      stripeSubscriptionId: sub.id,
      billingPeriodStart: new Date(sub.periodStart * 1000),
      billingPeriodEnd: new Date(sub.periodEnd * 1000),
    });
    expect(await auditActions(ws.id)).toContain('billing.plan_changed');
  });

  test('the return from Checkout syncs without any webhook', async () => {
    const { ws, owner } = await workspaceWithOwner();
    const url = await startCheckout(ws.id, 'team', { userId: owner.id }, ORIGIN);
    server().completeCheckout(url.split('/').pop()!);
    const customer = (await getWorkspaceBilling(ws.id))!.stripeCustomerId!;
    const result = await syncSubscription(customer, owner.id);
    expect(result).toMatchObject({ changed: true, fields: { plan: 'team', subscriptionStatus: 'active' } });
  });

  test('the Customer Portal opens for the workspace customer', async () => {
    const { ws, owner, customer } = await customerWorkspace();
    const url = await openCustomerPortal(ws.id, { userId: owner.id }, ORIGIN);
    expect(url).toMatch(/\/portal\/bps_/);
    expect(server().calls.filter((c) => c.path === '/v1/billing_portal/sessions').at(-1)!.body).toEqual({ customer, return_url: `${ORIGIN}/settings/billing` });
  });
});

describe('webhook handling', () => {
  test('a replayed event is a 200 no-op that calls nothing', async () => {
    const { ws, customer } = await customerWorkspace();
    server().createSubscription(customer, PRICE_PRO);
    const { event } = await send('customer.subscription.created', { id: 'sub_x', object: 'subscription', customer });
    expect((await getWorkspaceBilling(ws.id))!.plan).toBe('pro');
    const calls = server().count();
    const audits = (await auditActions(ws.id)).length;
    const replay = await postWebhook(event.body, event.signature);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    expect(server().count()).toBe(calls);
    expect((await auditActions(ws.id)).length).toBe(audits);
  });

  test('a missing or wrong signature is a 400 and records nothing', async () => {
    const { customer } = await customerWorkspace();
    const event = server().signedEvent('invoice.paid', { customer }, WEBHOOK_SECRET);
    const forged = server().signedEvent('invoice.paid', { customer }, 'whsec_someone_else');
    const calls = server().count();
    expect((await postWebhook(event.body)).status).toBe(400);
    expect((await postWebhook(event.body, forged.signature)).status).toBe(400);
    expect((await postWebhook(event.body.replace('invoice.paid', 'invoice.payment_failed'), event.signature)).status).toBe(400);
    expect(server().count()).toBe(calls);
    expect(await sql`SELECT 1 FROM stripe_events WHERE id IN (${event.id}, ${forged.id})`).toHaveLength(0);
  });

  test('out of order: `updated` before `created` still ends in Stripe’s current state', async () => {
    const { ws, customer } = await customerWorkspace();
    const sub = server().createSubscription(customer, PRICE_PRO);
    server().updateSubscription(sub.id, { price: PRICE_TEAM });
    const updated = server().signedEvent('customer.subscription.updated', { id: sub.id, object: 'subscription', customer }, WEBHOOK_SECRET);
    const created = server().signedEvent('customer.subscription.created', { id: sub.id, object: 'subscription', customer }, WEBHOOK_SECRET);
    expect((await postWebhook(updated.body, updated.signature)).status).toBe(200);
    expect((await postWebhook(created.body, created.signature)).status).toBe(200);
    expect((await getWorkspaceBilling(ws.id))!.plan).toBe('team');
  });
});

describe('plan states', () => {
  test('past_due: a 7-day grace on the paid limits, then the free limits; the data is kept', async () => {
    const { ws, customer } = await customerWorkspace();
    const sub = server().createSubscription(customer, PRICE_PRO);
    server().updateSubscription(sub.id, { status: 'past_due' });
    await send('invoice.payment_failed', { id: 'in_1', object: 'invoice', customer });
    const billing = (await getWorkspaceBilling(ws.id))!;
    expect(billing).toMatchObject({ plan: 'pro', subscriptionStatus: 'past_due' });
    expect(Date.now() - billing.pastDueSince!.getTime()).toBeLessThan(60_000);
    // Within the grace: the Pro limit (usage of the subscription period).
    await sql`INSERT INTO billing_usage (workspace_id, period_start, period_end, conversations, conversation_limit)
              VALUES (${ws.id}::uuid, ${new Date(sub.periodStart * 1000).toISOString()}::timestamptz, ${new Date(sub.periodEnd * 1000).toISOString()}::timestamptz, 5000, 50000)`;
    const batch = (id: string) => ({ batch: [{ id, type: 'conversation', body: { id, avatarId: 'bot' } }] });
    expect((await ingestBatch(ws.id, batch('in-grace'))).results[0].status).toBe(201);
    // A later sync keeps the first past-due time; 8 days on, the free limits apply.
    await send('invoice.payment_failed', { id: 'in_2', object: 'invoice', customer });
    expect((await getWorkspaceBilling(ws.id))!.pastDueSince).toEqual(billing.pastDueSince);
    await sql`UPDATE workspaces SET past_due_since = now() - interval '8 days' WHERE id = ${ws.id}::uuid`;
    await setFreeUsage(ws.id, 1_000);
    expect((await ingestBatch(ws.id, batch('after-grace'))).results[0]).toMatchObject({ status: 429, error: { code: 'quota_exceeded' } });
    expect(await sql`SELECT 1 FROM conversations WHERE workspace_id = ${ws.id}::uuid AND id = 'in-grace'`).toHaveLength(1);
    // Paid again: back to Pro.
    server().updateSubscription(sub.id, { status: 'active' });
    await send('invoice.paid', { id: 'in_3', object: 'invoice', customer });
    expect(await getWorkspaceBilling(ws.id)).toMatchObject({ plan: 'pro', subscriptionStatus: 'active', pastDueSince: null });
  });

  test('a cancelled subscription returns the workspace to free', async () => {
    const { ws, customer } = await customerWorkspace();
    const sub = server().createSubscription(customer, PRICE_TEAM);
    await send('customer.subscription.created', { id: sub.id, object: 'subscription', customer });
    expect((await getWorkspaceBilling(ws.id))!.plan).toBe('team');
    server().updateSubscription(sub.id, { status: 'canceled' });
    await send('customer.subscription.deleted', { id: sub.id, object: 'subscription', customer });
    expect(await getWorkspaceBilling(ws.id)).toMatchObject({ plan: 'free', stripeSubscriptionId: null, billingPeriodEnd: null });
  });
});

describe('seats', () => {
  test('invitations past the plan’s seats are refused with a clear message', async () => {
    const { ws, owner } = await workspaceWithOwner();
    const actor = { userId: owner.id, email: owner.email, role: 'owner' as const };
    await createInvitation(ws, actor, { email: uniqueEmail(), role: 'member' }, ORIGIN);
    await createInvitation(ws, actor, { email: uniqueEmail(), role: 'viewer' }, ORIGIN);
    await expect(createInvitation(ws, actor, { email: uniqueEmail(), role: 'viewer' }, ORIGIN)).rejects.toThrow(
      'All 3 seats of the Free plan are taken (1 member, 2 pending invitations). Remove a member, revoke a pending invitation, or upgrade in Settings › Billing.',
    );
  });
});
