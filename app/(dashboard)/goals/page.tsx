import type { Metadata } from 'next';
import { NotAvailable } from '@/components/shell/not-available';
import { PageHeader } from '@/components/shell/page-header';
import { requireSessionContext } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Goals' };

export default async function GoalsPage() {
  await requireSessionContext('/goals');
  return (
    <>
      <PageHeader title="Goals" description="Define outcomes and see which conversations reach them." />
      <NotAvailable feature="Goals">Conversations you send are stored in full, so this page will show your existing data once it lands.</NotAvailable>
    </>
  );
}
