import type { Metadata } from 'next';
import { Suspense } from 'react';
import { listAvatars } from '@/db/queries/avatars';
import { hasAnyConversation } from '@/db/queries/conversations';
import { GetStarted } from '@/components/shell/get-started';
import { PageHeader } from '@/components/shell/page-header';
import { Alert } from '@/components/ui/alert';
import { ConversationList, ConversationListSkeleton } from '@/components/transcripts/conversation-list';
import { transcriptsQuery } from '@/components/transcripts/query';
import { TranscriptFilterBar } from '@/components/transcripts/transcript-filter-bar';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { requestOrigin } from '@/lib/http/origin';
import { hasActiveFilter, type SearchParams } from '@/lib/transcripts/filters';
import { parseTranscriptsPageQuery } from '@/lib/transcripts/page-query';

export const metadata: Metadata = { title: 'Transcripts' };

const exportLink = 'rounded-md bg-white px-3 py-2 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 hover:bg-gray-50';

export default async function TranscriptsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { workspace, role } = await requireSessionContext('/transcripts');
  const { filters, cursor, notice } = parseTranscriptsPageQuery(await searchParams);
  const query = transcriptsQuery(filters);
  const exportQuery = (rows: string) => `/transcripts/export${transcriptsQuery(filters, { rows })}`;
  const header = (
    <PageHeader
      title="Transcripts"
      description="Review, filter, search and export every conversation."
      actions={
        <>
          <a href={exportQuery('conversations')} className={exportLink} download>Export CSV</a>
          <a href={exportQuery('messages')} className={exportLink} download>Export messages</a>
        </>
      }
    />
  );
  const [hasData, avatars] = await Promise.all([hasAnyConversation(workspace.id), listAvatars(workspace.id)]);
  if (!hasData) {
    return (
      <>
        <PageHeader title="Transcripts" description="Review, filter, search and export every conversation." />
        <GetStarted origin={await requestOrigin()} canCreateKeys={roleAtLeast(role, 'admin')} />
      </>
    );
  }
  return (
    <>
      {header}
      <TranscriptFilterBar key={query} filters={filters} avatars={avatars} />
      <div className="space-y-4 px-8 py-6">
        {notice ? <Alert tone="info">{notice}</Alert> : null}
        <Suspense key={`${query}|${cursor ?? ''}`} fallback={<ConversationListSkeleton />}>
          <ConversationList workspaceId={workspace.id} timezone={workspace.timezone} filters={filters} cursor={cursor} filtered={hasActiveFilter(filters)} />
        </Suspense>
      </div>
    </>
  );
}
