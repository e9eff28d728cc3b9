import type { Metadata } from 'next';
import { hasAnyConversation } from '@/db/queries/conversations';
import { GetStarted } from '@/components/shell/get-started';
import { NotAvailable } from '@/components/shell/not-available';
import { PageHeader } from '@/components/shell/page-header';
import { requireSessionContext } from '@/lib/auth/session';
import { roleAtLeast } from '@/lib/auth/roles';
import { requestOrigin } from '@/lib/http/origin';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const { workspace, role } = await requireSessionContext('/overview');
  const hasData = await hasAnyConversation(workspace.id);
  return (
    <>
      <PageHeader title="Overview" description={`How people talk to the avatars of ${workspace.name}.`} />
      {hasData ? (
        <NotAvailable feature="The Overview dashboard">Your conversations are stored; the charts of this page come in the next version.</NotAvailable>
      ) : (
        <GetStarted origin={await requestOrigin()} canCreateKeys={roleAtLeast(role, 'admin')} />
      )}
    </>
  );
}
