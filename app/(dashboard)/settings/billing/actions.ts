'use server';

import { z } from 'zod';
import { withSession, type ActionResult } from '@/lib/auth/session';
import { openCustomerPortal, startCheckout } from '@/lib/billing/checkout';
import { BillingRuleError } from '@/lib/billing/errors';
import { requestOrigin } from '@/lib/http/origin';

const paidPlanSchema = z.enum(['pro', 'team']);

/** Runs a billing request; a rule it breaks (or Stripe refusing) becomes the action's message. */
async function run(open: () => Promise<string>): Promise<ActionResult<{ url: string }>> {
  try {
    return { ok: true, data: { url: await open() } };
  } catch (error) {
    if (error instanceof BillingRuleError) return { ok: false, message: error.message };
    console.error('[confab] billing request failed', error);
    return { ok: false, message: 'Stripe could not be reached. Try again in a moment.' };
  }
}

/** The Checkout URL for an upgrade to `plan` (owners); the page sends the browser there. */
export const startCheckoutAction = withSession('owner', async (context, plan: unknown): Promise<ActionResult<{ url: string }>> => {
  const parsed = paidPlanSchema.safeParse(plan);
  if (!parsed.success) return { ok: false, message: 'Choose the Pro or the Team plan.' };
  const origin = await requestOrigin();
  return run(() => startCheckout(context.workspace.id, parsed.data, { userId: context.user.id }, origin));
});

/** The Customer Portal URL (owners): payment methods, plan changes, invoices, cancellation. */
export const openBillingPortalAction = withSession('owner', async (context): Promise<ActionResult<{ url: string }>> => {
  const origin = await requestOrigin();
  return run(() => openCustomerPortal(context.workspace.id, { userId: context.user.id }, origin));
});
