import type { Metadata } from 'next';
import { listAvatars } from '@/db/queries/avatars';
import { hasAnyConversation } from '@/db/queries/conversations';
import { FilterRow } from '@/components/analytics/filter-row';
import { parseDashboardFilters, withKnownAvatar, type SearchParams } from '@/components/analytics/filters';
import { toAnalyticsFilter } from '@/components/analytics/loaders';
import { OverviewDashboard } from '@/components/analytics/overview-dashboard';
import { describeRange } from '@/components/analytics/range-label';
import { GetStarted } from '@/components/shell/get-started';
import { PageHeader } from '@/components/shell/page-header';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/lib/auth/session';
import { requestOrigin } from '@/lib/http/origin';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { workspace, role } = await requireSessionContext('/overview');
  const header = <PageHeader title="Overview" description={`How people talk to the avatars of ${workspace.name}.`} />;
  const [hasData, avatars] = await Promise.all([hasAnyConversation(workspace.id), listAvatars(workspace.id)]);
  if (!hasData) {
    return (
      <>
        {header}
        <GetStarted origin={await requestOrigin()} canCreateKeys={roleAtLeast(role, 'admin')} />
      </>
    );
  }
  const { filters, notice } = withKnownAvatar(parseDashboardFilters(await searchParams), avatars);
  const scope = { workspaceId: workspace.id, timezone: workspace.timezone, filters };
  return (
    <>
      {header}
      <FilterRow filters={filters} avatars={avatars} avatarMode="query" rangeLabel={describeRange(filters, toAnalyticsFilter(scope).range)} notice={notice} />
      <div className="px-8 py-6">
        <OverviewDashboard scope={scope} showTopAvatars={!filters.avatarId} />
      </div>
    </>
  );
}
