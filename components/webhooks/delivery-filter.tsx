import Link from 'next/link';
import { DELIVERY_FILTERS, deliveryPageHref, type DeliveryFilter } from '@/lib/webhooks/page-query';

const LABELS: Record<DeliveryFilter, string> = { all: 'All', pending: 'Pending', delivered: 'Delivered', failed: 'Failed' };

/** The status filter as links (the URL is the state); a new filter starts at the first page. */
export function DeliveryFilterLinks({ base, current }: { base: string; current: DeliveryFilter }) {
  return (
    <nav aria-label="Delivery status" className="inline-flex rounded-md bg-gray-100 p-0.5">
      {DELIVERY_FILTERS.map((status) => (
        <Link
          key={status}
          href={deliveryPageHref(base, { status, cursor: null, trail: [] })}
          aria-current={status === current ? 'page' : undefined}
          scroll={false}
          className={`rounded px-3 py-1 text-sm font-medium ${status === current ? 'bg-white text-gray-900 shadow-sm' : 'text-gray-600 hover:text-gray-900'}`}
        >
          {LABELS[status]}
        </Link>
      ))}
    </nav>
  );
}
