import { PageHeader } from '@/components/shell/page-header';
import { ConversationListSkeleton } from '@/components/transcripts/conversation-list';

export default function Loading() {
  return (
    <>
      <PageHeader title="Transcripts" description="Review, filter, search and export every conversation." />
      <div className="px-8 py-6">
        <ConversationListSkeleton />
      </div>
    </>
  );
}
