/**
 * A local Stripe-compatible HTTP server for billing tests (stripe-mock cannot be installed here): the
 * endpoints Confab's SDK calls — customers create/retrieve, checkout.sessions create, billing_portal.sessions
 * create, subscriptions list/retrieve — with form-encoded bodies as Stripe sends them, plus a Checkout page.
 * Every API call is counted, so a test can assert that a replayed webhook called nothing. Tests script the
 * subscriptions' state directly (`createSubscription`, `updateSubscription`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export type Call = { method: string; path: string; body: Record<string, unknown>; idempotencyKey: string | null };

export type FakeSubscription = {
  id: string;
  customer: string;
  status: Stripe.Subscription.Status;
  price: string;
  periodStart: number;
  periodEnd: number;
  cancelAtPeriodEnd: boolean;
  created: number;
  metadata: Record<string, string>;
};

export type FakeCheckoutSession = { id: string; url: string; customer: string; mode: string; client_reference_id: string | null; metadata: Record<string, string>; price: string; success_url: string; cancel_url: string };

export type StripeServer = {
  url: string;
  port: number;
  calls: Call[];
  /** API calls (path starts with /v1) made so far, optionally of one method and path prefix. */
  count: (method?: string, pathPrefix?: string) => number;
  customers: Map<string, { id: string; name: string | null; metadata: Record<string, string> }>;
  sessions: Map<string, FakeCheckoutSession>;
  subscriptions: Map<string, FakeSubscription>;
  createSubscription: (customer: string, price: string, init?: Partial<FakeSubscription>) => FakeSubscription;
  updateSubscription: (id: string, change: Partial<FakeSubscription>) => FakeSubscription;
  /** What Checkout does when the buyer pays: a subscription for the session's price. */
  completeCheckout: (sessionId: string) => FakeSubscription;
  /** A signed webhook request body and header for `event`, as Stripe would send it. */
  signedEvent: (type: string, object: Record<string, unknown>, secret: string) => { body: string; signature: string; id: string };
  close: () => Promise<void>;
};

/** Parses Stripe's form encoding: `a[b][0][c]=v` → `{ a: { b: [{ c: 'v' }] } }`. */
export function parseStripeForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.split(/\[|\]\[|\]/).filter((p) => p !== '');
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const container = node as Record<string, unknown>;
      if (last) container[part] = value;
      else {
        container[part] ??= /^\d+$/.test(parts[i + 1]) ? [] : {};
        node = container[part] as Record<string, unknown>;
      }
    });
  }
  return root;
}

let sequence = 0;
const newId = (prefix: string) => `${prefix}_test${Date.now().toString(36)}${(++sequence).toString(36)}`;
const now = () => Math.floor(Date.now() / 1000);
const DAY = 86_400;

function subscriptionObject(s: FakeSubscription) {
  return {
    id: s.id,
    object: 'subscription',
    customer: s.customer,
    status: s.status,
    created: s.created,
    cancel_at_period_end: s.cancelAtPeriodEnd,
    metadata: s.metadata,
    items: {
      object: 'list',
      data: [{ id: `si_${s.id}`, object: 'subscription_item', price: { id: s.price, object: 'price' }, quantity: 1, current_period_start: s.periodStart, current_period_end: s.periodEnd }],
      has_more: false,
    },
  };
}

const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function checkoutPage(s: FakeCheckoutSession) {
  return `<!doctype html><html><head><title>Checkout · Test Stripe</title><meta name="viewport" content="width=device-width">
<style>body{font-family:system-ui,sans-serif;background:#f6f9fc;margin:0}main{max-width:420px;margin:80px auto;background:#fff;border-radius:12px;padding:32px;box-shadow:0 4px 24px #0001}h1{font-size:20px}p{color:#555}button{background:#635bff;color:#fff;border:0;border-radius:6px;padding:12px 20px;font-size:16px;width:100%}</style></head>
<body><main><p>Test mode</p><h1>Subscribe to ${escapeHtml(s.metadata.plan ?? s.price)}</h1><p>Price <code>${escapeHtml(s.price)}</code> · customer <code>${escapeHtml(s.customer)}</code></p>
<form method="post" action="/checkout/${s.id}/pay"><button type="submit">Subscribe</button></form></main></body></html>`;
}

export async function startStripeServer(port = 0): Promise<StripeServer> {
  const calls: Call[] = [];
  const customers: StripeServer['customers'] = new Map();
  const sessions: StripeServer['sessions'] = new Map();
  const subscriptions: StripeServer['subscriptions'] = new Map();
  const byIdempotencyKey = new Map<string, unknown>();
  const webhookSigner = new Stripe('sk_test_signer');
  let baseUrl = '';

  const createSubscription: StripeServer['createSubscription'] = (customer, price, init = {}) => {
    const start = now();
    const s: FakeSubscription = { id: newId('sub'), customer, status: 'active', price, periodStart: start, periodEnd: start + 30 * DAY, cancelAtPeriodEnd: false, created: start, metadata: {}, ...init };
    subscriptions.set(s.id, s);
    return s;
  };
  const updateSubscription: StripeServer['updateSubscription'] = (id, change) => {
    const s = { ...subscriptions.get(id)!, ...change };
    subscriptions.set(id, s);
    return s;
  };
  const completeCheckout: StripeServer['completeCheckout'] = (sessionId) => {
    const session = sessions.get(sessionId)!;
    return createSubscription(session.customer, session.price, { metadata: session.metadata });
  };

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': newId('req') });
    res.end(JSON.stringify(body));
  };
  const missing = (res: http.ServerResponse, what: string) => send(res, 404, { error: { type: 'invalid_request_error', message: `No such ${what}` } });

  function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Record<string, unknown>) {
    const path = url.pathname;
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    if (key && byIdempotencyKey.has(key)) return send(res, 200, byIdempotencyKey.get(key));
    const remember = (value: unknown) => {
      if (key) byIdempotencyKey.set(key, value);
      send(res, 200, value);
    };
    let m: RegExpMatchArray | null;
    if (req.method === 'POST' && path === '/v1/customers') {
      const customer = { id: newId('cus'), name: (body.name as string) ?? null, metadata: (body.metadata as Record<string, string>) ?? {} };
      customers.set(customer.id, customer);
      return remember({ object: 'customer', ...customer });
    }
    if (req.method === 'GET' && (m = path.match(/^\/v1\/customers\/([^/]+)$/))) {
      const customer = customers.get(m[1]);
      return customer ? send(res, 200, { object: 'customer', ...customer }) : missing(res, 'customer');
    }
    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      const id = newId('cs');
      const items = (body.line_items as { price: string }[] | undefined) ?? [];
      const session: FakeCheckoutSession = {
        id,
        url: `${baseUrl}/checkout/${id}`,
        customer: body.customer as string,
        mode: body.mode as string,
        client_reference_id: (body.client_reference_id as string) ?? null,
        metadata: (body.metadata as Record<string, string>) ?? {},
        price: items[0]?.price,
        success_url: body.success_url as string,
        cancel_url: body.cancel_url as string,
      };
      if (!session.customer || !customers.has(session.customer)) return missing(res, 'customer');
      sessions.set(id, session);
      return remember({ object: 'checkout.session', status: 'open', ...session });
    }
    if (req.method === 'POST' && path === '/v1/billing_portal/sessions') {
      const customer = body.customer as string;
      if (!customers.has(customer)) return missing(res, 'customer');
      const id = newId('bps');
      return remember({ id, object: 'billing_portal.session', customer, return_url: body.return_url, url: `${baseUrl}/portal/${id}` });
    }
    if (req.method === 'GET' && path === '/v1/subscriptions') {
      const customer = url.searchParams.get('customer');
      const status = url.searchParams.get('status');
      const data = [...subscriptions.values()]
        .filter((s) => (!customer || s.customer === customer) && (status === 'all' || (status ? s.status === status : s.status !== 'canceled')))
        .sort((a, b) => b.created - a.created)
        .map(subscriptionObject);
      return send(res, 200, { object: 'list', url: '/v1/subscriptions', has_more: false, data });
    }
    if (req.method === 'GET' && (m = path.match(/^\/v1\/subscriptions\/([^/]+)$/))) {
      const s = subscriptions.get(m[1]);
      return s ? send(res, 200, subscriptionObject(s)) : missing(res, 'subscription');
    }
    return send(res, 404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path})` } });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const text = Buffer.concat(chunks).toString('utf8');
      if (url.pathname.startsWith('/v1/')) {
        const body = req.method === 'GET' ? parseStripeForm(url.search.slice(1)) : parseStripeForm(text);
        calls.push({ method: req.method ?? 'GET', path: url.pathname, body, idempotencyKey: (req.headers['idempotency-key'] as string | undefined) ?? null });
        if (!String(req.headers.authorization ?? '').startsWith('Bearer sk_')) return send(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
        return api(req, res, url, body);
      }
      let m: RegExpMatchArray | null;
      if ((m = url.pathname.match(/^\/checkout\/([^/]+)$/)) && sessions.has(m[1])) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(checkoutPage(sessions.get(m[1])!));
      }
      if (req.method === 'POST' && (m = url.pathname.match(/^\/checkout\/([^/]+)\/pay$/)) && sessions.has(m[1])) {
        completeCheckout(m[1]);
        res.writeHead(303, { location: sessions.get(m[1])!.success_url });
        return res.end();
      }
      if ((m = url.pathname.match(/^\/portal\/([^/]+)$/))) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<!doctype html><title>Billing portal · Test Stripe</title><h1>Customer portal (test)</h1>');
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${actualPort}`;
  return {
    url: baseUrl,
    port: actualPort,
    calls,
    count: (method, prefix) => calls.filter((c) => (!method || c.method === method) && (!prefix || c.path.startsWith(prefix))).length,
    customers,
    sessions,
    subscriptions,
    createSubscription,
    updateSubscription,
    completeCheckout,
    signedEvent: (type, object, secret) => {
      const id = newId('evt');
      const body = JSON.stringify({ id, object: 'event', type, created: now(), livemode: false, api_version: null, data: { object } });
      return { id, body, signature: webhookSigner.webhooks.generateTestHeaderString({ payload: body, secret }) };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
