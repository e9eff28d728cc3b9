'use client';

import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';

export type AuditLogTableRow = {
  id: string;
  timeLabel: string;
  timeIso: string;
  actor: string;
  actorDetail: string | null;
  action: string;
  target: string | null;
  ip: string | null;
};

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, AuditLogTableRow>();

const muted = (text: string) => <span className="text-gray-400">{text}</span>;

const columns = helper.columns([
  helper.accessor('timeLabel', { header: 'Time', cell: (c) => <time dateTime={c.row.original.timeIso}>{c.getValue()}</time> }),
  helper.accessor('actor', {
    header: 'Actor',
    cell: (c) => (
      <>
        <span className="font-medium text-gray-900">{c.getValue()}</span>
        {c.row.original.actorDetail ? <span className="block text-xs text-gray-500">{c.row.original.actorDetail}</span> : null}
      </>
    ),
  }),
  helper.accessor('action', { header: 'Action', cell: (c) => <code className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-800">{c.getValue()}</code> }),
  helper.accessor('target', {
    header: 'Target',
    cell: (c) => {
      const target = c.getValue();
      return target ? <span title={target} className="block max-w-[14rem] truncate">{target}</span> : muted('—');
    },
  }),
  helper.accessor('ip', { header: 'IP address', cell: (c) => (c.getValue() ? <span className="whitespace-nowrap font-mono text-xs">{c.getValue()}</span> : muted('—')) }),
]);

/** The entries of one page, as the server prepared them (labels already in the workspace's timezone). */
export function AuditLogTable({ rows }: { rows: AuditLogTableRow[] }) {
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="bg-gray-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="whitespace-nowrap px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-gray-500">
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-gray-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="whitespace-nowrap px-4 py-3 align-top text-gray-700">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
