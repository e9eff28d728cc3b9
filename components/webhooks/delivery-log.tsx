/** The server half of the delivery log: one page for the URL's status and cursor, handed to the table as plain rows. */
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { ApiError } from '@/lib/api/errors';
import { formatDateTime } from '@/lib/format';
import { deliveryPageHref, nextPage, previousPage, type DeliveryPageQuery } from '@/lib/webhooks/page-query';
import { listDeliveries } from '@/lib/webhooks/service';
import { DeliveriesTable } from './deliveries-table';

export const DELIVERY_PAGE_SIZE = 25;
const pagerLink = 'rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 hover:bg-gray-50';

type Props = { workspaceId: string; webhookId: string; timezone: string; query: DeliveryPageQuery };

export async function DeliveryLog({ workspaceId, webhookId, timezone, query }: Props) {
  const base = `/settings/webhooks/${encodeURIComponent(webhookId)}`;
  let page: Awaited<ReturnType<typeof listDeliveries>>;
  try {
    page = await listDeliveries(workspaceId, webhookId, { status: query.status === 'all' ? undefined : query.status, cursor: query.cursor ?? undefined, limit: DELIVERY_PAGE_SIZE });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 422)) throw error;
    return (
      <div className="p-6">
        <Alert tone="info">
          This page link is no longer valid. <Link href={deliveryPageHref(base, { ...query, cursor: null, trail: [] })} className="font-semibold underline">Go to the first page</Link>
        </Alert>
      </div>
    );
  }
  if (!page || page.data.length === 0) {
    return (
      <p className="px-6 py-10 text-center text-sm text-gray-500">
        {query.status === 'all' ? 'No deliveries yet. Send a test event to see one here.' : `No ${query.status} deliveries${query.cursor ? ' on this page' : ''}.`}
      </p>
    );
  }
  const rows = page.data.map((d) => ({
    id: d.id,
    createdLabel: formatDateTime(d.createdAt, timezone),
    type: d.type,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    nextAttemptLabel: d.nextAttemptAt ? formatDateTime(d.nextAttemptAt, timezone) : null,
    href: `${base}/deliveries/${encodeURIComponent(d.id)}`,
  }));
  const previous = previousPage(query);
  return (
    <>
      <DeliveriesTable rows={rows} />
      <nav aria-label="Delivery pages" className="flex items-center justify-between border-t border-gray-100 px-6 py-3">
        <p className="text-sm text-gray-500">
          {rows.length} deliver{rows.length === 1 ? 'y' : 'ies'} on this page · kept 30 days
        </p>
        <div className="flex gap-2">
          {previous ? <Link className={pagerLink} href={deliveryPageHref(base, previous)}>← Previous</Link> : null}
          {page.nextCursor ? <Link className={pagerLink} href={deliveryPageHref(base, nextPage(query, page.nextCursor))}>Next →</Link> : null}
        </div>
      </nav>
    </>
  );
}

export function DeliveryLogSkeleton() {
  return (
    <div className="animate-pulse" role="status" aria-label="Loading deliveries">
      <div className="h-10 bg-gray-50" />
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="flex gap-6 border-t border-gray-100 px-6 py-4">
          <div className="h-3 w-32 rounded bg-gray-200" />
          <div className="h-3 w-36 rounded bg-gray-100" />
          <div className="h-3 w-16 rounded bg-gray-200" />
          <div className="h-3 w-10 rounded bg-gray-100" />
          <div className="h-3 flex-1 rounded bg-gray-100" />
        </div>
      ))}
    </div>
  );
}
