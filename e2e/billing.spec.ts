/**
 * Billing end to end, with billing ON. The suite's shared server runs with billing off (the demo workspace
 * and the other specs must not meet plan limits), so this spec starts its own: the local Stripe-compatible
 * server (test/stripe-server.ts) and a second `next start` of the same build and database, its STRIPE_*
 * variables pointing at that server, on E2E_BILLING_PORT (default E2E_PORT + 1).
 * It needs DATABASE_URL (the embedded database belongs to the main server's process) and a local build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startStripeServer, type StripeServer } from '../test/stripe-server';
import { createApiKeyInUi, sendBatch } from './analytics-fixtures';
import { signUpNewUser } from './helpers';

const port = Number(process.env.E2E_BILLING_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 1);
const baseURL = `http://127.0.0.1:${port}`;
const WEBHOOK_SECRET = 'whsec_e2e_billing';
const PRICE_PRO = 'price_e2e_pro';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

test.skip(Boolean(process.env.E2E_BASE_URL) || !process.env.DATABASE_URL, 'needs a local build and DATABASE_URL to start a billing-enabled server');
test.use({ baseURL });

let stripe: StripeServer;
let app: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stripe = await startStripeServer();
  app = spawn(process.execPath, [path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      PORT: String(port),
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: baseURL,
      CONFAB_WORKER: 'off',
      STRIPE_SECRET_KEY: 'sk_test_e2e',
      STRIPE_API_BASE: stripe.url,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PRICE_PRO: PRICE_PRO,
      STRIPE_PRICE_TEAM: 'price_e2e_team',
    },
    stdio: 'ignore',
  });
  for (let i = 0; ; i++) {
    const up = await fetch(`${baseURL}/sign-in`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 200) throw new Error(`the billing-enabled server did not start on ${baseURL}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
});

test.afterAll(async () => {
  app?.kill('SIGTERM');
  await stripe?.close();
});

test('an owner on free sees usage, upgrades through Checkout, and after the webhook the page shows Pro', async ({ page, request }) => {
  await signUpNewUser(page, 'Billing E2E');
  const key = await createApiKeyInUi(page);
  const now = Date.now();
  await sendBatch(request, key, [
    ...[0, 1, 2].map((n) => ({ id: `b-c${n}`, type: 'conversation', body: { id: `bill-c${n}`, avatarId: 'bot', startedAt: new Date(now - 60_000).toISOString() } })),
    { id: 'b-m0', type: 'message', body: { conversationId: 'bill-c0', role: 'user', content: 'Hello there', createdAt: new Date(now - 50_000).toISOString() } },
    { id: 'b-m1', type: 'message', body: { conversationId: 'bill-c0', role: 'assistant', content: 'Hi! How can I help?', createdAt: new Date(now - 49_000).toISOString() } },
  ]);

  await page.goto('/settings/billing');
  const currentPlan = page.getByRole('region', { name: 'Current plan' });
  await expect(currentPlan.getByRole('heading', { name: 'Free', exact: true })).toBeVisible();
  const conversations = page.getByRole('progressbar', { name: 'Conversations' });
  await expect(conversations).toHaveAttribute('aria-valuenow', '3');
  await expect(conversations).toHaveAttribute('aria-valuemax', '1000');
  await expect(page.getByRole('progressbar', { name: 'Messages' })).toHaveAttribute('aria-valuenow', '2');
  await expect(page.getByRole('progressbar', { name: 'Seats' })).toHaveAttribute('aria-valuenow', '1');
  await expect(page.getByText('3 of 1,000')).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/billing-free.png`, fullPage: true });

  await page.getByRole('article', { name: 'Pro plan' }).getByRole('button', { name: 'Upgrade to Pro' }).click();
  await expect(page).toHaveURL(new RegExp(`^${stripe.url}/checkout/cs_`));
  await expect(page.getByRole('heading', { name: 'Subscribe to pro' })).toBeVisible();
  const session = [...stripe.sessions.values()].at(-1)!;
  expect(session).toMatchObject({ mode: 'subscription', price: PRICE_PRO, metadata: { plan: 'pro' } });

  // The buyer pays, but never comes back: Stripe's webhook alone sets the plan.
  stripe.completeCheckout(session.id);
  const event = stripe.signedEvent('checkout.session.completed', { id: session.id, object: 'checkout.session', customer: session.customer, client_reference_id: session.client_reference_id }, WEBHOOK_SECRET);
  const delivered = await request.post('/api/stripe/webhook', { headers: { 'stripe-signature': event.signature, 'content-type': 'application/json' }, data: event.body });
  expect(delivered.status()).toBe(200);
  const forged = await request.post('/api/stripe/webhook', { headers: { 'stripe-signature': 't=1,v1=00', 'content-type': 'application/json' }, data: event.body });
  expect(forged.status()).toBe(400);

  await page.goto('/settings/billing');
  await expect(currentPlan.getByRole('heading', { name: 'Pro', exact: true })).toBeVisible();
  await expect(currentPlan.getByText('Active', { exact: true })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Conversations' })).toHaveAttribute('aria-valuemax', '50000');
  await expect(page.getByText('Renews on')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Manage billing' })).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/billing-pro.png`, fullPage: true });

  // A failed renewal: owners see the past-due banner on every page, with the end of the 7-day grace.
  const subscription = [...stripe.subscriptions.values()].find((s) => s.customer === session.customer)!;
  stripe.updateSubscription(subscription.id, { status: 'past_due' });
  const failed = stripe.signedEvent('invoice.payment_failed', { id: 'in_e2e', object: 'invoice', customer: session.customer }, WEBHOOK_SECRET);
  expect((await request.post('/api/stripe/webhook', { headers: { 'stripe-signature': failed.signature, 'content-type': 'application/json' }, data: failed.body })).status()).toBe(200);
  await page.goto('/overview');
  await expect(page.getByRole('alert').filter({ hasText: 'Your last payment failed.' })).toBeVisible();
  await page.goto('/settings/billing');
  await expect(currentPlan.getByText('Past due', { exact: true })).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/billing-past-due.png`, fullPage: true });

  await page.getByRole('button', { name: 'Manage billing' }).click();
  await expect(page).toHaveURL(new RegExp(`^${stripe.url}/portal/bps_`));
});

test('with billing off (the suite’s shared server), the Billing tab says so', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3210}` });
  const page = await context.newPage();
  await signUpNewUser(page, 'No billing');
  // A new workspace's page links to Settings twice (the sidebar and the onboarding card): go by the tab.
  await page.goto('/settings/team');
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByRole('heading', { name: 'Billing is off' })).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/billing-off.png`, fullPage: true });
  await context.close();
});
