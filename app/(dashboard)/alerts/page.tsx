import type { Metadata } from 'next';
import { NotAvailable } from '@/components/shell/not-available';
import { PageHeader } from '@/components/shell/page-header';
import { requireSessionContext } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Alerts' };

export default async function AlertsPage() {
  await requireSessionContext('/alerts');
  return (
    <>
      <PageHeader title="Alerts" description="Get told when a metric crosses a threshold." />
      <NotAvailable feature="Alerts">Conversations you send are stored in full, so this page will show your existing data once it lands.</NotAvailable>
    </>
  );
}
