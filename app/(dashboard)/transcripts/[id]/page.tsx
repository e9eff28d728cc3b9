import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/shell/page-header';
import { Alert } from '@/components/ui/alert';
import { ConversationFacts } from '@/components/transcripts/conversation-facts';
import { DeleteConversationButton } from '@/components/transcripts/delete-conversation-button';
import { transcriptsQuery } from '@/components/transcripts/query';
import { Timeline } from '@/components/transcripts/timeline';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { formatDateTime } from '@/lib/format';
import { routeIdOrNull } from '@/lib/http/route-id';
import type { SearchParams } from '@/lib/transcripts/filters';
import { findNeighbours } from '@/lib/transcripts/list';
import { INVALID_FILTERS_NOTICE, parseTranscriptsPageQuery } from '@/lib/transcripts/page-query';
import { getTranscript } from '@/lib/transcripts/transcript';
import { deleteConversationAction } from './actions';

export const metadata: Metadata = { title: 'Transcript' };

const stepLink = 'rounded-md bg-white px-3 py-2 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 hover:bg-gray-50';
const stepDisabled = 'rounded-md px-3 py-2 text-sm font-semibold text-gray-300 ring-1 ring-inset ring-gray-200';

export default async function TranscriptPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const id = routeIdOrNull((await params).id);
  if (id === null) notFound();
  const { workspace, role } = await requireSessionContext(`/transcripts/${encodeURIComponent(id)}`);
  const { filters, notice } = parseTranscriptsPageQuery(await searchParams);
  const [transcript, neighbours] = await Promise.all([getTranscript(workspace.id, id), findNeighbours(workspace.id, filters, id)]);
  if (!transcript) notFound();
  const query = transcriptsQuery(filters);
  const href = (other: string) => `/transcripts/${encodeURIComponent(other)}${query}`;
  const erase = deleteConversationAction.bind(null, id);

  return (
    <>
      <PageHeader
        title={`Conversation ${transcript.id}`}
        description={`${transcript.avatarName} · ${formatDateTime(transcript.startedAt, workspace.timezone)} (${workspace.timezone})`}
        actions={
          <>
            <Link href={`/transcripts${query}`} className={stepLink}>All transcripts</Link>
            {neighbours.prev ? <Link href={href(neighbours.prev)} className={stepLink} aria-label="Previous conversation">← Previous</Link> : <span className={stepDisabled}>← Previous</span>}
            {neighbours.next ? <Link href={href(neighbours.next)} className={stepLink} aria-label="Next conversation">Next →</Link> : <span className={stepDisabled}>Next →</span>}
          </>
        }
      />
      {notice === INVALID_FILTERS_NOTICE ? (
        <div className="px-8 pt-6">
          <Alert tone="info">Some filters in this link were not valid, so Previous and Next step through all conversations.</Alert>
        </div>
      ) : null}
      <div className="grid gap-6 px-8 py-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section className="self-start rounded-lg bg-gray-50 p-6 ring-1 ring-gray-200">
          <Timeline transcript={transcript} timezone={workspace.timezone} />
        </section>
        <div className="space-y-4">
          <ConversationFacts t={transcript} timezone={workspace.timezone} />
          {roleAtLeast(role, 'admin') ? <DeleteConversationButton erase={erase} backHref={`/transcripts${query}`} /> : null}
        </div>
      </div>
    </>
  );
}
