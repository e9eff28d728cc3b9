/**
 * The plans: their monthly limits and Stripe prices, in one place. Billing is off — every limit unlimited —
 * while STRIPE_SECRET_KEY is unset. Which plan's limits a workspace gets right now is `effectivePlan`.
 */
export const PLAN_IDS = ['free', 'pro', 'team'] as const;
export type PlanId = (typeof PLAN_IDS)[number];
export type PaidPlanId = Exclude<PlanId, 'free'>;

export type Plan = {
  id: PlanId;
  name: string;
  /** New conversations a billing period; past it a new conversation gets 429 `quota_exceeded`. */
  conversations: number;
  /** Members plus pending invitations. */
  seats: number;
  /** Messages included a period: shown against usage, never enforced (in-flight data is always accepted). */
  messages: number;
  /** The monthly price shown on the upgrade button (the charged price is the Stripe price's). */
  priceLabel: string;
  features: string[];
};

export const PLANS: Record<PlanId, Plan> = {
  free: { id: 'free', name: 'Free', conversations: 1_000, seats: 3, messages: 20_000, priceLabel: '$0', features: ['1,000 conversations a month', '3 seats', 'All analytics and exports'] },
  pro: { id: 'pro', name: 'Pro', conversations: 50_000, seats: 10, messages: 1_000_000, priceLabel: '$49', features: ['50,000 conversations a month', '10 seats', 'Alerts and webhooks'] },
  team: { id: 'team', name: 'Team', conversations: 500_000, seats: 50, messages: 10_000_000, priceLabel: '$249', features: ['500,000 conversations a month', '50 seats', 'Priority support'] },
};

export const PAID_PLANS: PaidPlanId[] = ['pro', 'team'];

/** After this long in `past_due`, a workspace gets the free limits until it pays (its data is kept). */
export const PAST_DUE_GRACE_DAYS = 7;
export const PAST_DUE_GRACE_MS = PAST_DUE_GRACE_DAYS * 24 * 3600_000;

/** Subscription statuses that keep a paid plan's limits. */
export const GOOD_STANDING = ['active', 'trialing'];

export function billingEnabled(): boolean {
  return Boolean(process.env.STRIPE_SECRET_KEY);
}

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === 'string' && (PLAN_IDS as readonly string[]).includes(value);
}

/** The Stripe price of a paid plan (STRIPE_PRICE_PRO / STRIPE_PRICE_TEAM). */
export function priceIdOf(plan: PaidPlanId): string | null {
  return process.env[plan === 'pro' ? 'STRIPE_PRICE_PRO' : 'STRIPE_PRICE_TEAM'] || null;
}

/** The paid plan a Stripe price stands for, or null for a price Confab does not know. */
export function planOfPrice(priceId: string | null | undefined): PaidPlanId | null {
  if (!priceId) return null;
  return PAID_PLANS.find((plan) => priceIdOf(plan) === priceId) ?? null;
}

export type BillingState = { plan: string; subscriptionStatus: string | null; pastDueSince: Date | null };

/** The plan whose limits apply now: a paid plan in good standing or within the past-due grace, else free. */
export function effectivePlan(state: BillingState, now = new Date()): PlanId {
  if (!isPlanId(state.plan) || state.plan === 'free') return 'free';
  if (state.subscriptionStatus && GOOD_STANDING.includes(state.subscriptionStatus)) return state.plan;
  if (state.subscriptionStatus === 'past_due' && state.pastDueSince && now.getTime() - state.pastDueSince.getTime() < PAST_DUE_GRACE_MS) return state.plan;
  return 'free';
}

/** The limits of a plan as JSON for SQL (db/queries/billing.ts computes the effective plan in the statement). */
export function limitsJson(): string {
  return JSON.stringify(Object.fromEntries(PLAN_IDS.map((id) => [id, PLANS[id].conversations])));
}

/** The calendar month (UTC) around `now`: the period of workspaces on free. */
export function calendarMonth(now = new Date()): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)) };
}

export type PeriodState = BillingState & { billingPeriodStart: Date | null; billingPeriodEnd: Date | null };

/** The period usage counts in: the subscription's current period on a paid plan, else the calendar month. */
export function currentPeriod(state: PeriodState, now = new Date()): { start: Date; end: Date } {
  const { billingPeriodStart: start, billingPeriodEnd: end } = state;
  if (effectivePlan(state, now) !== 'free' && start && end && start.getTime() <= now.getTime() && now.getTime() < end.getTime()) return { start, end };
  return calendarMonth(now);
}
