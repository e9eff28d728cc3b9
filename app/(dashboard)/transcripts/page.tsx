import type { Metadata } from 'next';
import { NotAvailable } from '@/components/shell/not-available';
import { PageHeader } from '@/components/shell/page-header';
import { requireSessionContext } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Transcripts' };

export default async function TranscriptsPage() {
  await requireSessionContext('/transcripts');
  return (
    <>
      <PageHeader title="Transcripts" description="Review, filter, search and export every conversation." />
      <NotAvailable feature="Transcripts">Conversations you send are stored in full, so this page will show your existing data once it lands.</NotAvailable>
    </>
  );
}
