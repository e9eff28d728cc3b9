/** Every avatar of the workspace with its conversations in the range, each opening its own dashboard. */
import Link from 'next/link';
import type { AvatarSummary } from '@/db/queries/avatars';
import type { Breakdown } from '@/lib/analytics/types';
import { formatNumber, formatPercent } from '@/lib/format';
import { EmptyWidget } from './widget-card';
import { DataTable } from '@/components/ui/data-table';
import { RatioBar } from '@/components/ui/ratio-bar';

export function AvatarTable({ avatars, breakdown, query }: { avatars: AvatarSummary[]; breakdown: Breakdown; query: string }) {
  if (avatars.length === 0) {
    return (
      <div className="p-6">
        <EmptyWidget>No avatars yet. An avatar appears here with its first conversation.</EmptyWidget>
      </div>
    );
  }
  const counts = new Map(breakdown.data.map((d) => [d.value, d]));
  const rows = avatars
    .map((a) => ({ ...a, conversations: counts.get(a.id)?.conversations ?? 0, share: counts.get(a.id)?.share ?? 0 }))
    .sort((a, b) => b.conversations - a.conversations || a.name.localeCompare(b.name));
  const top = Math.max(...rows.map((r) => r.share), 0.0001);
  return (
    <DataTable
      columns={[{ label: 'Avatar' }, { label: 'Id' }, { label: 'Conversations', right: true }, { label: 'Share', className: 'w-1/3' }, { label: 'Open', right: true, hidden: true }]}
    >
      {rows.map((row) => {
        const href = `/avatars/${encodeURIComponent(row.id)}${query}`;
        return (
          <tr key={row.id} className="hover:bg-gray-50">
            <th scope="row" className="px-6 py-3 text-left font-medium">
              <Link href={href} className="text-indigo-700 hover:underline">
                {row.name}
              </Link>
            </th>
            <td className="max-w-[16rem] truncate px-3 py-3 font-mono text-xs text-gray-500">{row.id}</td>
            <td className="px-3 py-3 text-right tabular-nums text-gray-900">{formatNumber(row.conversations)}</td>
            <td className="px-3 py-3">
              <RatioBar fill={row.share / top} label={formatPercent(row.share, 0)} />
            </td>
            <td className="px-6 py-3 text-right">
              <Link href={href} className="text-xs font-semibold text-indigo-600 hover:text-indigo-500" aria-label={`Open analytics of ${row.name}`}>
                Analytics →
              </Link>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
