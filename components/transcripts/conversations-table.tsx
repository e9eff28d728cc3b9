'use client';

import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { formatDuration } from '@/lib/format';
import type { TranscriptSort } from '@/lib/transcripts/filters';
import { OutcomeBadges, SentimentBadge } from './badges';

export type ConversationRow = {
  id: string;
  avatarName: string;
  startedLabel: string;
  duration: number | null;
  active: boolean;
  messages: number;
  firstUserMessage: string | null;
  sentiment: { score: number; label: 'positive' | 'neutral' | 'negative' } | null;
  escalated: boolean;
  goalReached: boolean;
  href: string;
};

/** Sortable column → the link that sorts by it (built on the server, so the URL stays the only state). */
export type SortLinks = Record<TranscriptSort, { href: string; active: 'asc' | 'desc' | null }>;

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, ConversationRow>();

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const columns = helper.columns([
  helper.accessor('avatarName', { header: 'Avatar', cell: (c) => <span className="font-medium text-gray-900">{c.getValue()}</span> }),
  helper.accessor('startedLabel', { id: 'startedAt', header: 'Started' }),
  helper.accessor('duration', {
    id: 'duration',
    header: 'Duration',
    cell: (c) => (c.row.original.active ? <span className="text-gray-500">Active</span> : formatDuration(c.getValue())),
  }),
  helper.accessor('messages', { id: 'messages', header: 'Messages' }),
  helper.accessor('firstUserMessage', {
    header: 'First message',
    cell: (c) => {
      const text = c.getValue();
      return text ? (
        <span title={text} className="block max-w-[15rem] truncate xl:max-w-[18rem]">{truncate(text, 120)}</span>
      ) : (
        <span className="text-gray-400">No user message</span>
      );
    },
  }),
  helper.accessor('sentiment', { id: 'sentiment', header: 'Sentiment', cell: (c) => <SentimentBadge sentiment={c.getValue()} /> }),
  helper.display({ id: 'outcome', header: 'Outcome', cell: (c) => <OutcomeBadges escalated={c.row.original.escalated} goalReached={c.row.original.goalReached} /> }),
]);

const SORTABLE = new Set<string>(['startedAt', 'duration', 'messages', 'sentiment']);

export function ConversationsTable({ rows, sortLinks }: { rows: ConversationRow[]; sortLinks: SortLinks }) {
  const router = useRouter();
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });

  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <thead className="bg-gray-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sort = SORTABLE.has(header.column.id) ? sortLinks[header.column.id as TranscriptSort] : null;
                const label = <table.FlexRender header={header} />;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sort?.active ? (sort.active === 'asc' ? 'ascending' : 'descending') : undefined}
                    className="whitespace-nowrap px-3 py-3 text-left text-xs font-semibold uppercase tracking-wide text-gray-500"
                  >
                    {sort ? (
                      <Link href={sort.href} scroll={false} className="inline-flex items-center gap-1 hover:text-gray-900">
                        {label}
                        <span aria-hidden className={sort.active ? 'text-indigo-600' : 'text-gray-300'}>{sort.active === 'asc' ? '↑' : '↓'}</span>
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-gray-100">
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              onClick={() => router.push(row.original.href)}
              className="cursor-pointer hover:bg-indigo-50/40"
            >
              {row.getAllCells().map((cell, i) => (
                <td key={cell.id} className={`whitespace-nowrap px-3 py-3 text-gray-700 ${cell.column.id === 'firstUserMessage' ? 'w-full' : ''}`}>
                  {i === 0 ? (
                    <Link href={row.original.href} className="focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600" aria-label={`Open conversation ${row.original.id}`} onClick={(e) => e.stopPropagation()}>
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
