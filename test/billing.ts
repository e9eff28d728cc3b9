/** Billing test set-up: the local Stripe-compatible server, and the environment that turns billing on. */
import { afterAll, beforeAll } from 'vitest';
import { sql } from '@/db';
import { insertUser, upsertMembership } from '@/db/queries/accounts';
import { startStripeServer, type StripeServer } from './stripe-server';
import { createTestWorkspace, uniqueEmail } from './factories';

export const WEBHOOK_SECRET = 'whsec_test_confab';
export const PRICE_PRO = 'price_test_pro';
export const PRICE_TEAM = 'price_test_team';

const BILLING_ENV = ['STRIPE_SECRET_KEY', 'STRIPE_API_BASE', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_PRO', 'STRIPE_PRICE_TEAM'] as const;

/**
 * Starts the fake Stripe for the file and sets the STRIPE_* variables (billing on) for all of it, or, with
 * `{ scoped: true }`, only between `on()` and `off()`; both undone after the file.
 */
export function setUpFakeStripe(options: { scoped?: boolean } = {}): { server: () => StripeServer; on: () => void; off: () => void } {
  let server: StripeServer;
  const saved = Object.fromEntries(BILLING_ENV.map((k) => [k, process.env[k]]));
  const on = () =>
    Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_confab', STRIPE_API_BASE: server.url, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_PRICE_PRO: PRICE_PRO, STRIPE_PRICE_TEAM: PRICE_TEAM });
  const off = () => {
    for (const k of BILLING_ENV) if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  };
  beforeAll(async () => {
    server = await startStripeServer();
    if (!options.scoped) on();
  });
  afterAll(async () => {
    off();
    await server?.close();
  });
  return { server: () => server, on, off };
}

/** A workspace with an owner (who gets the usage e-mails). */
export async function workspaceWithOwner() {
  const ws = await createTestWorkspace('Billing co');
  const owner = await insertUser({ email: uniqueEmail(), passwordHash: null });
  await upsertMembership(ws.id, owner.id, 'owner');
  return { ws, owner };
}

/** Sets this period's usage counter (the calendar month's, on free) to `conversations`. */
export async function setFreeUsage(workspaceId: string, conversations: number) {
  await sql`
    INSERT INTO billing_usage (workspace_id, period_start, period_end, conversations, conversation_limit)
    VALUES (${workspaceId}::uuid, date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
            (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC', ${conversations}, 1000)
    ON CONFLICT (workspace_id, period_start) DO UPDATE SET conversations = EXCLUDED.conversations`;
}
