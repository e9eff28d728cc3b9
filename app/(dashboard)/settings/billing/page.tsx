import type { Metadata } from 'next';
import { z } from 'zod';
import { ManageBillingButton, UpgradeButton } from '@/components/billing/billing-buttons';
import { UsageMeter } from '@/components/billing/usage-meter';
import { Alert } from '@/components/ui/alert';
import { requireSessionContext } from '@/components/shell/session-context';
import { getBillingOverview } from '@/lib/billing/overview';
import { PLAN_IDS, PLANS } from '@/lib/billing/plans';
import { syncSubscription } from '@/lib/billing/sync';
import { getWorkspaceBilling } from '@/db/queries/billing';
import { openBillingPortalAction, startCheckoutAction } from './actions';

export const metadata: Metadata = { title: 'Billing' };

const searchSchema = z.object({ checkout: z.enum(['success', 'cancelled']).optional().catch(undefined) });

const STATUS_LABELS: Record<string, { label: string; tone: string }> = {
  active: { label: 'Active', tone: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20' },
  trialing: { label: 'Trial', tone: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20' },
  past_due: { label: 'Past due', tone: 'bg-red-50 text-red-700 ring-red-600/20' },
  unpaid: { label: 'Unpaid', tone: 'bg-red-50 text-red-700 ring-red-600/20' },
  canceled: { label: 'Cancelled', tone: 'bg-gray-100 text-gray-700 ring-gray-500/20' },
  incomplete: { label: 'Incomplete', tone: 'bg-amber-50 text-amber-800 ring-amber-600/20' },
};

/** Back from Checkout: sync now, so the plan shows even before (or without) Stripe's webhook. */
async function syncAfterCheckout(workspaceId: string, userId: string) {
  const workspace = await getWorkspaceBilling(workspaceId);
  if (!workspace?.stripeCustomerId) return;
  await syncSubscription(workspace.stripeCustomerId, userId).catch((error: unknown) => console.error('[confab] sync after Checkout failed', error));
}

export default async function BillingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace, role, user } = await requireSessionContext('/settings/billing');
  const { checkout } = searchSchema.parse(await searchParams);
  const isOwner = role === 'owner';
  if (checkout === 'success' && isOwner) await syncAfterCheckout(workspace.id, user.id);
  const overview = (await getBillingOverview(workspace.id))!;
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: workspace.timezone });
  const { plan, effective } = overview;

  if (!overview.enabled) {
    return (
      <section className="max-w-3xl rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200" aria-labelledby="billing-heading">
        <h2 id="billing-heading" className="text-base font-semibold text-gray-900">
          Billing is off
        </h2>
        <p className="mt-2 text-sm text-gray-600">
          This installation has no Stripe account configured, so there are no plans and no limits: conversations, messages and seats are unlimited.
        </p>
        <p className="mt-2 text-sm text-gray-600">
          To charge for Confab, set <code className="rounded bg-gray-100 px-1">STRIPE_SECRET_KEY</code>, <code className="rounded bg-gray-100 px-1">STRIPE_WEBHOOK_SECRET</code> and the
          plan prices <code className="rounded bg-gray-100 px-1">STRIPE_PRICE_PRO</code> / <code className="rounded bg-gray-100 px-1">STRIPE_PRICE_TEAM</code> (see the README).
        </p>
      </section>
    );
  }

  const status = overview.status ? (STATUS_LABELS[overview.status] ?? { label: overview.status, tone: 'bg-gray-100 text-gray-700 ring-gray-500/20' }) : null;
  const paid = plan.id !== 'free' && overview.status !== 'canceled';
  // The past-due banner comes from the dashboard layout, for owners, on this page as on every other.
  return (
    <div className="space-y-6">
      {checkout === 'success' && paid ? <Alert tone="success">Thank you — {workspace.name} is now on the {plan.name} plan.</Alert> : null}
      {checkout === 'success' && !paid ? <Alert tone="info">Your payment is being confirmed with Stripe; the plan appears here as soon as it is.</Alert> : null}
      {checkout === 'cancelled' ? <Alert tone="info">Checkout was cancelled; nothing was charged.</Alert> : null}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200" aria-label="Current plan">
          <p className="text-xs font-semibold uppercase tracking-wide text-gray-500">Current plan</p>
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <h2 id="plan-heading" className="text-2xl font-semibold text-gray-900">
              {plan.name}
            </h2>
            {status ? <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${status.tone}`}>{status.label}</span> : null}
          </div>
          <dl className="mt-5 space-y-3 text-sm">
            {overview.renewsAt ? (
              <div className="flex justify-between gap-4">
                <dt className="text-gray-500">{overview.cancelAtPeriodEnd ? 'Ends on' : 'Renews on'}</dt>
                <dd className="font-medium text-gray-900">{date.format(overview.renewsAt)}</dd>
              </div>
            ) : (
              <div className="flex justify-between gap-4">
                <dt className="text-gray-500">Price</dt>
                <dd className="font-medium text-gray-900">{plan.priceLabel} / month, no card needed</dd>
              </div>
            )}
            <div className="flex justify-between gap-4">
              <dt className="text-gray-500">Usage period</dt>
              <dd className="font-medium text-gray-900">
                {date.format(overview.period.start)} – {date.format(new Date(overview.period.end.getTime() - 1))}
              </dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-gray-500">Limits in force</dt>
              <dd className="font-medium text-gray-900">{effective.id === plan.id ? plan.name : `${effective.name} (payment overdue)`}</dd>
            </div>
          </dl>
          <div className="mt-6">
            {isOwner ? (
              overview.hasCustomer ? (
                <ManageBillingButton portal={openBillingPortalAction} />
              ) : (
                <p className="text-sm text-gray-500">Payment methods and invoices appear in Manage billing after your first upgrade.</p>
              )
            ) : (
              <p className="text-sm text-gray-500">Only owners of {workspace.name} manage billing.</p>
            )}
          </div>
        </section>

        <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200" aria-labelledby="usage-heading">
          <h2 id="usage-heading" className="text-base font-semibold text-gray-900">
            Usage this period
          </h2>
          <p className="mt-1 text-sm text-gray-500">Resets on {date.format(overview.period.end)}.</p>
          <div className="mt-5 space-y-5">
            <UsageMeter
              label="Conversations"
              used={overview.usage.conversations}
              limit={effective.conversations}
              note="New conversations past the limit are refused until the period resets; messages to started ones are always accepted."
            />
            <UsageMeter label="Messages" used={overview.usage.messages} limit={effective.messages} note="Included in the plan; never refused." />
            <UsageMeter
              label="Seats"
              used={overview.seats.used}
              limit={effective.seats}
              note={`${overview.seats.members} member${overview.seats.members === 1 ? '' : 's'} and ${overview.seats.pending} pending invitation${overview.seats.pending === 1 ? '' : 's'}.`}
            />
          </div>
        </section>
      </div>

      <section aria-labelledby="plans-heading">
        <h2 id="plans-heading" className="text-base font-semibold text-gray-900">
          Plans
        </h2>
        <div className="mt-3 grid gap-4 md:grid-cols-3">
          {PLAN_IDS.map((id) => {
            const p = PLANS[id];
            const current = p.id === plan.id;
            const purchasable = overview.purchasable.some((x) => x.id === id);
            return (
              <article key={id} aria-label={`${p.name} plan`} className={`flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ${current ? 'ring-2 ring-indigo-500' : 'ring-gray-200'}`}>
                <div className="flex items-center justify-between">
                  <h3 className="text-sm font-semibold text-gray-900">{p.name}</h3>
                  {current ? <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">Current plan</span> : null}
                </div>
                <p className="mt-2">
                  <span className="text-3xl font-semibold text-gray-900">{p.priceLabel}</span>
                  <span className="text-sm text-gray-500"> / month</span>
                </p>
                <ul className="mt-4 flex-1 space-y-1.5 text-sm text-gray-600">
                  {p.features.map((f) => (
                    <li key={f} className="flex gap-2">
                      <span aria-hidden="true" className="text-indigo-500">
                        ✓
                      </span>
                      {f}
                    </li>
                  ))}
                </ul>
                <div className="mt-5">
                  {current || id === 'free' ? null : !isOwner ? null : paid ? (
                    <p className="text-xs text-gray-500">Switch plans in Manage billing.</p>
                  ) : purchasable ? (
                    <UpgradeButton planName={p.name} checkout={startCheckoutAction.bind(null, id)} />
                  ) : (
                    <p className="text-xs text-gray-500">No Stripe price is configured for this plan.</p>
                  )}
                </div>
              </article>
            );
          })}
        </div>
      </section>
    </div>
  );
}
