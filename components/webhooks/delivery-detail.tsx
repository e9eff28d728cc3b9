/** One delivery: its facts, every attempt (when, status, how long, what came back, what went wrong) and the event as sent. */
import { DataTable } from '@/components/ui/data-table';
import { formatDateTime, formatMs } from '@/lib/format';
import type { DeliveryDetail } from '@/lib/webhooks/service';
import { DeliveryStatusBadge } from './delivery-status-badge';

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-gray-500">{term}</dt>
      <dd className="mt-1 break-all text-sm text-gray-900">{children}</dd>
    </div>
  );
}

export function DeliverySummary({ delivery, timezone }: { delivery: DeliveryDetail; timezone: string }) {
  return (
    <dl className="grid gap-5 sm:grid-cols-2 lg:grid-cols-5">
      <Fact term="Status">
        <DeliveryStatusBadge status={delivery.status} />
      </Fact>
      <Fact term="Event id">
        <span className="font-mono text-xs">{delivery.eventId}</span>
      </Fact>
      <Fact term="Created">{formatDateTime(delivery.createdAt, timezone)}</Fact>
      <Fact term="Delivered">{formatDateTime(delivery.deliveredAt, timezone)}</Fact>
      <Fact term="Next attempt">{formatDateTime(delivery.nextAttemptAt, timezone)}</Fact>
    </dl>
  );
}

export function AttemptsTable({ delivery, timezone }: { delivery: DeliveryDetail; timezone: string }) {
  if (delivery.attempts.length === 0) return <p className="px-6 py-8 text-center text-sm text-gray-500">No attempts yet: it is queued.</p>;
  return (
    <div className="overflow-x-auto">
      <DataTable columns={[{ label: 'Time' }, { label: 'Status' }, { label: 'Duration', right: true }, { label: 'Response' }, { label: 'Error' }]}>
        {delivery.attempts.map((a, i) => {
          const ok = a.statusCode !== null && a.statusCode >= 200 && a.statusCode < 300;
          return (
            <tr key={`${a.at}-${i}`} className="align-top">
              <td className="whitespace-nowrap px-6 py-3 text-gray-700">{formatDateTime(a.at, timezone)}</td>
              <td className={`whitespace-nowrap px-3 py-3 font-mono ${ok ? 'text-emerald-700' : 'text-red-700'}`}>{a.statusCode ?? '—'}</td>
              <td className="whitespace-nowrap px-3 py-3 text-right tabular-nums text-gray-700">{formatMs(a.durationMs)}</td>
              <td className="px-3 py-3">
                {a.responseExcerpt ? (
                  <pre className="max-h-32 max-w-md overflow-auto whitespace-pre-wrap break-all rounded bg-gray-50 px-2 py-1 font-mono text-xs text-gray-700">{a.responseExcerpt}</pre>
                ) : (
                  <span className="text-gray-400">—</span>
                )}
              </td>
              <td className="px-6 py-3 text-xs text-red-700">{a.error ?? <span className="text-gray-400">—</span>}</td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}

export function PayloadBlock({ payload }: { payload: Record<string, unknown> }) {
  return (
    <pre className="max-h-[32rem] overflow-auto rounded-lg bg-gray-900 p-4 font-mono text-xs leading-5 text-gray-100" aria-label="Payload">
      {JSON.stringify(payload, null, 2)}
    </pre>
  );
}
