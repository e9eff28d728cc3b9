import { NextResponse } from 'next/server';
import { errorResponse } from '@/lib/api/errors';
import { handleStripeWebhook } from '@/lib/billing/webhook';

/** Stripe's events: verified on the raw body (never parsed first), recorded by id, then synced. */
export async function POST(req: Request) {
  try {
    return NextResponse.json(await handleStripeWebhook(await req.text(), req.headers.get('stripe-signature')));
  } catch (error) {
    return errorResponse(error);
  }
}
