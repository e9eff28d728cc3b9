/** The latest conversations that completed a goal, each opening its transcript. */
import Link from 'next/link';
import { formatInstant } from '@/components/analytics/format-bucket';
import { EmptyWidget } from '@/components/analytics/widget-card';
import type { GoalCompletionLink } from '@/lib/goals/analytics';
import { transcriptHref } from './goal-links';

export function RecentCompletions({ items, timezone }: { items: GoalCompletionLink[]; timezone: string }) {
  if (items.length === 0) return <EmptyWidget className="h-28">No conversation in this range completed it yet.</EmptyWidget>;
  return (
    <ul className="divide-y divide-gray-100">
      {items.map((item) => (
        <li key={item.id}>
          <Link href={transcriptHref(item.id)} aria-label={`Open conversation ${item.id}`} className="group flex items-center gap-3 py-2 hover:bg-gray-50">
            <span className="min-w-0 flex-1">
              <span className="block truncate font-mono text-xs text-gray-900 group-hover:text-indigo-700">{item.id}</span>
              <span className="block text-xs text-gray-500">
                {item.avatarName} · completed {formatInstant(item.completedAt, timezone)}
              </span>
            </span>
            <span className="shrink-0 text-xs font-medium text-indigo-600 group-hover:underline">Transcript →</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
