import type { Metadata } from 'next';
import { AnalyticsPage } from '@/components/analytics/analytics-page';
import type { SearchParams } from '@/components/analytics/filters';
import { OverviewDashboard } from '@/components/analytics/overview-dashboard';

export const metadata: Metadata = { title: 'Overview' };

export default function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <AnalyticsPage
      path="/overview"
      title="Overview"
      description={(workspace) => `How people talk to the avatars of ${workspace}.`}
      searchParams={searchParams}
      dashboard={(scope) => <OverviewDashboard scope={scope} showTopAvatars={!scope.filters.avatarId} />}
    />
  );
}
