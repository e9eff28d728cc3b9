/** The server half of the transcript list: reads one page for the URL's filters and hands plain rows to the table. */
import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import type { TranscriptFilters, TranscriptSort } from '@/lib/transcripts/filters';
import { listConversations } from '@/lib/transcripts/list';
import { ConversationsTable, type SortLinks } from './conversations-table';
import { transcriptsQuery } from './query';

export const PAGE_SIZE = 25;

function sortLinks(filters: TranscriptFilters): SortLinks {
  const link = (sort: TranscriptSort) => {
    const active = filters.sort === sort ? filters.order : null;
    const order = active === 'desc' ? 'asc' : 'desc';
    return { href: `/transcripts${transcriptsQuery({ ...filters, sort, order })}`, active };
  };
  return { startedAt: link('startedAt'), duration: link('duration'), messages: link('messages'), sentiment: link('sentiment') };
}

const pagerLink = 'rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 hover:bg-gray-50';

export async function ConversationList({ workspaceId, timezone, filters, cursor, filtered }: {
  workspaceId: string;
  timezone: string;
  filters: TranscriptFilters;
  cursor: string | null;
  filtered: boolean;
}) {
  const page = await listConversations(workspaceId, filters, cursor, PAGE_SIZE);
  const back = transcriptsQuery(filters);
  if (page.data.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center">
        <h2 className="text-base font-semibold text-gray-900">{filtered ? 'No conversations match these filters' : 'No conversations yet'}</h2>
        <p className="mt-1 text-sm text-gray-500">
          {filtered ? 'Try a wider date range or clear a filter.' : 'Conversations appear here as soon as your avatars send them.'}
        </p>
        {filtered ? <Link href="/transcripts" className="mt-4 inline-block text-sm font-semibold text-indigo-600 hover:text-indigo-500">Clear all filters</Link> : null}
      </div>
    );
  }
  const rows = page.data.map((c) => ({
    id: c.id,
    avatarName: c.avatarName,
    startedLabel: formatDateTime(c.startedAt, timezone),
    duration: c.duration,
    active: c.status === 'active',
    messages: c.messages,
    firstUserMessage: c.firstUserMessage,
    sentiment: c.sentiment,
    escalated: c.escalated,
    goalReached: c.goalReached,
    href: `/transcripts/${encodeURIComponent(c.id)}${back}`,
  }));
  return (
    <div className="space-y-4">
      <ConversationsTable rows={rows} sortLinks={sortLinks(filters)} />
      <nav aria-label="Pages" className="flex items-center justify-between">
        <p className="text-sm text-gray-500">{rows.length} conversation{rows.length === 1 ? '' : 's'} on this page</p>
        <div className="flex gap-2">
          {page.prevCursor ? <Link className={pagerLink} href={`/transcripts${transcriptsQuery(filters, { cursor: page.prevCursor })}`}>← Previous</Link> : null}
          {page.nextCursor ? <Link className={pagerLink} href={`/transcripts${transcriptsQuery(filters, { cursor: page.nextCursor })}`}>Next →</Link> : null}
        </div>
      </nav>
    </div>
  );
}

export function ConversationListSkeleton() {
  return (
    <div className="animate-pulse overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-gray-200" aria-label="Loading conversations" role="status">
      <div className="h-10 bg-gray-50" />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="flex gap-6 border-t border-gray-100 px-4 py-4">
          <div className="h-3 w-20 rounded bg-gray-200" />
          <div className="h-3 w-28 rounded bg-gray-200" />
          <div className="h-3 w-12 rounded bg-gray-200" />
          <div className="h-3 flex-1 rounded bg-gray-100" />
          <div className="h-3 w-16 rounded bg-gray-200" />
        </div>
      ))}
    </div>
  );
}
