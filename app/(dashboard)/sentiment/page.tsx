import type { Metadata } from 'next';
import { listAvatars } from '@/db/queries/avatars';
import { hasAnyConversation } from '@/db/queries/conversations';
import { FilterRow } from '@/components/analytics/filter-row';
import { parseDashboardFilters, withKnownAvatar, type SearchParams } from '@/components/analytics/filters';
import { toAnalyticsFilter } from '@/components/analytics/loaders';
import { describeRange } from '@/components/analytics/range-label';
import { SentimentDashboard } from '@/components/analytics/sentiment-dashboard';
import { GetStarted } from '@/components/shell/get-started';
import { PageHeader } from '@/components/shell/page-header';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/lib/auth/session';
import { requestOrigin } from '@/lib/http/origin';

export const metadata: Metadata = { title: 'Sentiment' };

export default async function SentimentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { workspace, role } = await requireSessionContext('/sentiment');
  const header = <PageHeader title="Sentiment" description="How users feel about your avatars, over time (VADER scores of user messages)." />;
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
        <SentimentDashboard scope={scope} avatars={avatars} />
      </div>
    </>
  );
}
