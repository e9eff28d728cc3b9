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
import { requireSessionContext } from '@/lib/auth/session';
import { requestOrigin } from '@/lib/http/origin';
import { DEFAULT_FILTERS, hasActiveFilter, transcriptFiltersSchema, type SearchParams } from '@/lib/transcripts/filters';

export const metadata: Metadata = { title: 'Transcripts' };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;
const exportLink = 'rounded-md bg-white px-3 py-2 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 hover:bg-gray-50';

export default async function TranscriptsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { workspace, role } = await requireSessionContext('/transcripts');
  const params = await searchParams;
  const parsed = transcriptFiltersSchema.safeParse(params);
  const filters = parsed.success ? parsed.data : DEFAULT_FILTERS;
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
  const cursor = first(params.cursor);
  return (
    <>
      {header}
      <TranscriptFilterBar key={query} filters={filters} avatars={avatars} />
      <div className="space-y-4 px-8 py-6">
        {parsed.success ? null : <Alert tone="info">Some filters in this link were not valid, so all conversations are shown.</Alert>}
        <Suspense key={`${query}|${cursor ?? ''}`} fallback={<ConversationListSkeleton />}>
          <ConversationList workspaceId={workspace.id} timezone={workspace.timezone} filters={filters} cursor={cursor} filtered={hasActiveFilter(filters)} />
        </Suspense>
      </div>
    </>
  );
}
