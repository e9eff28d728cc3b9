/** The most negative recent conversations, each opening its transcript. */
import Link from 'next/link';
import type { SentimentSummary } from '@/lib/analytics/types';
import { formatInstant } from './format-bucket';
import { formatScore } from './sentiment-table';
import { EmptyWidget } from './widget-card';

export function MostNegativeList({ items, avatarNames, timezone }: { items: SentimentSummary['mostNegative']; avatarNames: Map<string, string>; timezone: string }) {
  if (items.length === 0) return <EmptyWidget className="h-32">No negative conversations in this range.</EmptyWidget>;
  return (
    <ul className="divide-y divide-gray-100">
      {items.map((item) => (
        <li key={item.id}>
          <Link href={`/transcripts/${encodeURIComponent(item.id)}`} className="group flex items-start gap-4 py-3 hover:bg-gray-50">
            <span className="mt-0.5 w-14 shrink-0 rounded bg-rose-50 px-1.5 py-0.5 text-center text-xs font-semibold tabular-nums text-rose-700" title="Mean sentiment score of the user's messages">
              {formatScore(item.score)}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm text-gray-900 group-hover:text-indigo-700">
                {item.firstUserMessage ? `“${item.firstUserMessage}”` : <em className="text-gray-500">No user message</em>}
              </span>
              <span className="mt-0.5 block text-xs text-gray-500">
                {avatarNames.get(item.avatarId) ?? item.avatarId} · {formatInstant(item.startedAt, timezone)} · <span className="font-mono">{item.id}</span>
              </span>
            </span>
            <span className="shrink-0 self-center text-xs font-medium text-indigo-600 group-hover:underline">Transcript →</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
