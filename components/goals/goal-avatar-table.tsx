/** A goal's completions per avatar, each row linking to that avatar's completing conversations. */
import Link from 'next/link';
import { EmptyWidget } from '@/components/analytics/widget-card';
import { RatioBar } from '@/components/ui/ratio-bar';
import type { GoalAvatarStats } from '@/lib/goals/analytics';
import { formatNumber, formatPercent } from '@/lib/format';

export function GoalAvatarTable({ rows }: { rows: (GoalAvatarStats & { href: string })[] }) {
  if (rows.length === 0) return <EmptyWidget className="h-28">No conversations in this range.</EmptyWidget>;
  return (
    <table className="min-w-full text-sm">
      <thead className="whitespace-nowrap text-left text-xs text-gray-500">
        <tr>
          <th scope="col" className="pb-2 pr-3 font-medium">Avatar</th>
          <th scope="col" className="pb-2 pr-3 text-right font-medium">Conversations</th>
          <th scope="col" className="pb-2 pr-3 text-right font-medium">Completed</th>
          <th scope="col" className="w-1/3 pb-2 font-medium">Rate</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100">
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row" className="max-w-[12rem] truncate py-2 pr-3 text-left font-medium text-gray-900">
              {row.completions > 0 ? (
                <Link href={row.href} className="text-indigo-700 hover:underline" title={`Conversations of ${row.name} that completed the goal`}>
                  {row.name}
                </Link>
              ) : (
                row.name
              )}
            </th>
            <td className="py-2 pr-3 text-right tabular-nums text-gray-700">{formatNumber(row.conversations)}</td>
            <td className="py-2 pr-3 text-right tabular-nums text-gray-700">{formatNumber(row.completions)}</td>
            <td className="py-2">
              <RatioBar fill={row.completionRate ?? 0} label={formatPercent(row.completionRate, 0)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
