/** Every endpoint of the workspace with its health; each opens its own page (edit, test, delivery log). */
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import type { Webhook } from '@/lib/webhooks/service';
import { DisabledReason, EnabledBadge, LastFailure, SuccessRate } from './webhook-health';

export function WebhookList({ webhooks, canEdit }: { webhooks: Webhook[]; canEdit: boolean }) {
  return (
    <section className="min-w-0 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
      <h2 className="px-6 pt-5 text-base font-semibold text-gray-900">Endpoints</h2>
      <p className="px-6 text-sm text-gray-500">
        Confab sends the events each endpoint subscribes to, retrying failures for about a day.
        {canEdit ? null : ' Admins and owners add and change endpoints.'}
      </p>
      {webhooks.length === 0 ? (
        <p className="px-6 py-10 text-center text-sm text-gray-500">
          No webhooks yet.{canEdit ? ' Add an endpoint to receive conversations, messages, goals and alerts as they happen.' : ''}
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <DataTable columns={['Endpoint', 'Events', 'Status', 'Success (24 h)', 'Last failure'].map((label) => ({ label, className: 'whitespace-nowrap' }))}>
            {webhooks.map((w) => (
              <tr key={w.id} className="align-top text-gray-900">
                <td className="max-w-[22rem] px-6 py-3">
                  <Link href={`/settings/webhooks/${encodeURIComponent(w.id)}`} className="block truncate font-medium text-indigo-700 hover:text-indigo-500" title={w.url}>
                    {w.url}
                  </Link>
                  <span className="block truncate text-xs text-gray-500">{w.description ?? w.id}</span>
                </td>
                <td className="px-3 py-3">
                  <span className="flex max-w-[18rem] flex-wrap gap-1">
                    {w.events.map((type) => (
                      <span key={type} className="rounded bg-indigo-50 px-1.5 py-0.5 font-mono text-[11px] text-indigo-700">
                        {type}
                      </span>
                    ))}
                  </span>
                </td>
                <td className="whitespace-nowrap px-3 py-3">
                  <EnabledBadge webhook={w} />
                  <DisabledReason webhook={w} />
                </td>
                <td className="whitespace-nowrap px-3 py-3">
                  <SuccessRate health={w.health} />
                </td>
                <td className="px-6 py-3">
                  <LastFailure health={w.health} />
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}

export function WebhookListSkeleton() {
  return (
    <div className="animate-pulse overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200" role="status" aria-label="Loading webhooks">
      <div className="space-y-2 px-6 py-5">
        <div className="h-4 w-28 rounded bg-gray-200" />
        <div className="h-3 w-72 rounded bg-gray-100" />
      </div>
      <div className="h-10 bg-gray-50" />
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="flex gap-6 border-t border-gray-100 px-6 py-4">
          <div className="h-3 w-56 rounded bg-gray-200" />
          <div className="h-3 w-32 rounded bg-gray-100" />
          <div className="h-3 w-16 rounded bg-gray-200" />
          <div className="h-3 w-12 rounded bg-gray-200" />
          <div className="h-3 flex-1 rounded bg-gray-100" />
        </div>
      ))}
    </div>
  );
}
