/** One endpoint at a glance: where it sends, what, whether it is on (and why not), and how it is doing. */
import { formatDateTime } from '@/lib/format';
import type { Webhook } from '@/lib/webhooks/service';
import { DisabledReason, EnabledBadge, LastFailure, SuccessRate } from './webhook-health';

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-gray-500">{term}</dt>
      <dd className="mt-1 text-sm text-gray-900">{children}</dd>
    </div>
  );
}

export function WebhookDetails({ webhook, timezone }: { webhook: Webhook; timezone: string }) {
  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200" aria-label="Endpoint">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="break-all text-base font-semibold text-gray-900">{webhook.url}</h2>
          <p className="mt-0.5 text-sm text-gray-500">
            {webhook.description ? `${webhook.description} · ` : ''}
            <span className="font-mono text-xs">{webhook.id}</span>
          </p>
        </div>
        <EnabledBadge webhook={webhook} />
      </div>
      {!webhook.enabled && webhook.disabledReason ? (
        <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
          Disabled: <DisabledReason webhook={webhook} />
        </p>
      ) : null}
      <dl className="mt-5 grid gap-5 sm:grid-cols-3">
        <Fact term="Success (24 h)">
          <SuccessRate health={webhook.health} />
        </Fact>
        <Fact term="Last failure">
          <LastFailure health={webhook.health} />
        </Fact>
        <Fact term="Created">{formatDateTime(webhook.createdAt, timezone)}</Fact>
      </dl>
      <dl className="mt-5">
        <Fact term="Event types">
          <span className="mt-1 flex flex-wrap gap-1">
            {webhook.events.map((type) => (
              <span key={type} className="rounded bg-indigo-50 px-1.5 py-0.5 font-mono text-xs text-indigo-700">
                {type}
              </span>
            ))}
          </span>
        </Fact>
      </dl>
      {webhook.previousSecretExpiresAt ? (
        <p className="mt-4 text-xs text-gray-500">The previous secret also signs until {formatDateTime(webhook.previousSecretExpiresAt, timezone)}.</p>
      ) : null}
    </section>
  );
}
