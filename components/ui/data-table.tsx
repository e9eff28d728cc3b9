/** The dashboard's list tables: a grey uppercase header row over rows divided by hairlines. */
import type { ReactNode } from 'react';

export type Column = {
  label: string;
  /** Right-aligned (numbers, actions). */
  right?: boolean;
  /** Only for screen readers (an actions column). */
  hidden?: boolean;
  className?: string;
};

/** The outer columns get the card's wider padding, the inner ones a narrower one. */
const padding = (i: number, count: number) => (i === 0 || i === count - 1 ? 'px-6' : 'px-3');

export function DataTable({ columns, children, className = '' }: { columns: Column[]; children: ReactNode; className?: string }) {
  return (
    <table className={`min-w-full divide-y divide-gray-200 text-sm ${className}`}>
      <thead className="bg-gray-50 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
        <tr>
          {columns.map((c, i) => (
            <th key={c.label} scope="col" className={`${padding(i, columns.length)} py-2.5 ${c.right ? 'text-right' : ''} ${c.className ?? ''}`}>
              {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100">{children}</tbody>
    </table>
  );
}
