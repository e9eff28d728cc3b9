/**
 * `POST /api/stripe/webhook`: the signature is checked on the raw body, the event id is recorded before
 * anything else (a redelivery is a no-op that calls nothing), and the events that can change a subscription
 * sync it from Stripe. A failed sync forgets the event id again, so Stripe's retry is processed.
 */
import type Stripe from 'stripe';
import { forgetStripeEvent, recordStripeEvent } from '@/db/queries/billing';
import { badRequest } from '@/lib/api/errors';
import { stripeClient } from './stripe';
import { syncSubscription } from './sync';

export const SYNCED_EVENT_TYPES = new Set([
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
]);

/** What the route answers with a 200; a refused delivery throws the API's 400. */
export type WebhookAnswer = { received: true; duplicate?: true };

function customerOf(event: Stripe.Event): string | null {
  const customer = (event.data.object as { customer?: string | { id: string } | null }).customer;
  return typeof customer === 'string' ? customer : (customer?.id ?? null);
}

export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookAnswer> {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!process.env.STRIPE_SECRET_KEY || !secret) throw badRequest('Billing is not configured on this installation');
  if (!signature) throw badRequest('Missing Stripe-Signature header');
  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw badRequest('Invalid Stripe signature');
  }
  if (!(await recordStripeEvent(event.id, event.type))) return { received: true, duplicate: true };
  const customer = SYNCED_EVENT_TYPES.has(event.type) ? customerOf(event) : null;
  if (customer) {
    try {
      await syncSubscription(customer);
    } catch (error) {
      await forgetStripeEvent(event.id);
      throw error;
    }
  }
  return { received: true };
}
