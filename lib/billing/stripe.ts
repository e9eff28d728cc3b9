/**
 * The official Stripe SDK, configured from the environment: STRIPE_SECRET_KEY, and STRIPE_API_BASE to point
 * it at another Stripe-compatible server (e.g. `http://127.0.0.1:12111` in tests). One client per settings.
 */
import Stripe from 'stripe';

export class BillingOffError extends Error {
  constructor() {
    super('Billing is off on this installation (STRIPE_SECRET_KEY is not set).');
  }
}

let cached: { key: string; base: string; client: Stripe } | null = null;

/** host, port and protocol for the SDK from a base URL such as `http://127.0.0.1:12111`. */
export function apiBaseOptions(base: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

export function stripeClient(): Stripe {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) throw new BillingOffError();
  const base = process.env.STRIPE_API_BASE ?? '';
  if (cached?.key === key && cached.base === base) return cached.client;
  const client = new Stripe(key, { ...apiBaseOptions(base || undefined), maxNetworkRetries: 2, timeout: 15_000, appInfo: { name: 'Confab' } });
  cached = { key, base, client };
  return client;
}
