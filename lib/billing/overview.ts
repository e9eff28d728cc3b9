/** What Settings › Billing and the past-due banner show: plan, status, this period's usage and seats. */
import { countMessagesBetween, countSeatsTaken, findPeriodUsage, getWorkspaceBilling } from '@/db/queries/billing';
import { billingEnabled, currentPeriod, effectivePlan, isPlanId, PAST_DUE_GRACE_MS, PLANS, priceIdOf, type Plan } from './plans';

export type PastDue = { since: Date; graceEndsAt: Date; onFreeLimits: boolean };

export type BillingOverview = {
  enabled: boolean;
  /** The plan paid for, and the plan whose limits apply now (free after the past-due grace). */
  plan: Plan;
  effective: Plan;
  status: string | null;
  cancelAtPeriodEnd: boolean;
  hasCustomer: boolean;
  period: { start: Date; end: Date };
  /** The subscription's next renewal (or end, when cancelled at period end); null on free. */
  renewsAt: Date | null;
  pastDue: PastDue | null;
  usage: { conversations: number; messages: number };
  seats: { used: number; members: number; pending: number };
  /** Paid plans that can be bought here (their Stripe price is configured). */
  purchasable: Plan[];
};

export function pastDueOf(status: string | null, since: Date | null, now = new Date()): PastDue | null {
  if (status !== 'past_due' || !since) return null;
  const graceEndsAt = new Date(since.getTime() + PAST_DUE_GRACE_MS);
  return { since, graceEndsAt, onFreeLimits: now.getTime() >= graceEndsAt.getTime() };
}

export async function getBillingOverview(workspaceId: string, now = new Date()): Promise<BillingOverview | null> {
  const workspace = await getWorkspaceBilling(workspaceId);
  if (!workspace) return null;
  const period = currentPeriod(workspace, now);
  const [conversations, messages, seats] = await Promise.all([
    findPeriodUsage(workspaceId, period.start),
    countMessagesBetween(workspaceId, period.start, period.end),
    countSeatsTaken(workspaceId),
  ]);
  const plan = PLANS[isPlanId(workspace.plan) ? workspace.plan : 'free'];
  return {
    enabled: billingEnabled(),
    plan,
    effective: PLANS[effectivePlan(workspace, now)],
    status: workspace.subscriptionStatus,
    cancelAtPeriodEnd: workspace.cancelAtPeriodEnd,
    hasCustomer: Boolean(workspace.stripeCustomerId),
    period,
    renewsAt: plan.id !== 'free' ? workspace.billingPeriodEnd : null,
    pastDue: pastDueOf(workspace.subscriptionStatus, workspace.pastDueSince, now),
    usage: { conversations, messages },
    seats: { used: seats.members + seats.pending, ...seats },
    purchasable: (['pro', 'team'] as const).filter((id) => priceIdOf(id)).map((id) => PLANS[id]),
  };
}

/** For the dashboard's banner: the past-due state of an owner's workspace (null when billing is off). */
export async function findPastDue(workspaceId: string): Promise<PastDue | null> {
  if (!billingEnabled()) return null;
  const workspace = await getWorkspaceBilling(workspaceId);
  return workspace ? pastDueOf(workspace.subscriptionStatus, workspace.pastDueSince) : null;
}
