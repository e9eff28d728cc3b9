'use client';

import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { Delivery } from '@/lib/webhooks/service';
import { DeliveryStatusBadge } from './delivery-status-badge';

export type DeliveryRow = {
  id: string;
  createdLabel: string;
  type: string;
  status: Delivery['status'];
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptLabel: string | null;
  href: string;
};

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, DeliveryRow>();

const columns = helper.columns([
  helper.accessor('createdLabel', { id: 'created', header: 'Created' }),
  helper.accessor('type', { header: 'Type', cell: (c) => <span className="font-mono text-xs text-gray-900">{c.getValue()}</span> }),
  helper.accessor('status', { header: 'Status', cell: (c) => <DeliveryStatusBadge status={c.getValue()} /> }),
  helper.accessor('attempts', { header: 'Attempts', cell: (c) => <span className="tabular-nums">{c.getValue()}</span> }),
  helper.accessor('lastStatusCode', {
    header: 'Last status',
    cell: (c) => {
      const code = c.getValue();
      const error = c.row.original.lastError;
      if (code === null) return error ? <span className="block max-w-[14rem] truncate text-xs text-red-700" title={error}>{error}</span> : <span className="text-gray-400">—</span>;
      return <span className={`font-mono text-xs ${code >= 200 && code < 300 ? 'text-emerald-700' : 'text-red-700'}`}>{code}</span>;
    },
  }),
  helper.accessor('nextAttemptLabel', { id: 'nextAttempt', header: 'Next attempt', cell: (c) => c.getValue() ?? <span className="text-gray-400">—</span> }),
]);

/** One page of an endpoint's deliveries; a row opens the delivery with its attempts and payload. */
export function DeliveriesTable({ rows }: { rows: DeliveryRow[] }) {
  const router = useRouter();
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <thead className="bg-gray-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header, i) => (
                <th key={header.id} scope="col" className={`whitespace-nowrap py-2.5 text-left text-xs font-medium uppercase tracking-wide text-gray-500 ${i === 0 ? 'pl-6 pr-3' : 'px-3'}`}>
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-gray-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} onClick={() => router.push(row.original.href)} className="cursor-pointer hover:bg-indigo-50/40">
              {row.getAllCells().map((cell, i) => (
                <td key={cell.id} className={`whitespace-nowrap py-3 text-gray-700 ${i === 0 ? 'pl-6 pr-3' : 'px-3'}`}>
                  {i === 0 ? (
                    <Link
                      href={row.original.href}
                      aria-label={`Open delivery ${row.original.id}`}
                      onClick={(e) => e.stopPropagation()}
                      className="text-indigo-700 hover:text-indigo-500 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600"
                    >
                      <table.FlexRender cell={cell} />
                    </Link>
                  ) : (
                    <table.FlexRender cell={cell} />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
