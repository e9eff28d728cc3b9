import type { Metadata } from 'next';
import { NotAvailable } from '@/components/shell/not-available';
import { PageHeader } from '@/components/shell/page-header';
import { requireSessionContext } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sentiment' };

export default async function SentimentPage() {
  await requireSessionContext('/sentiment');
  return (
    <>
      <PageHeader title="Sentiment" description="How users feel about your avatars, over time." />
      <NotAvailable feature="Sentiment">Conversations you send are stored in full, so this page will show your existing data once it lands.</NotAvailable>
    </>
  );
}
