/**
 * The frame of the workspace-wide analytics pages (Overview, Sentiment): header, the get-started state
 * for a workspace without data, and the range/avatar filter row over the page's dashboard.
 */
import type { ReactNode } from 'react';
import { listAvatars, type AvatarSummary } from '@/db/queries/avatars';
import { hasAnyConversation } from '@/db/queries/conversations';
import { GetStarted } from '@/components/shell/get-started';
import { PageHeader } from '@/components/shell/page-header';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { requestOrigin } from '@/lib/http/origin';
import { FilterRow } from './filter-row';
import { parseDashboardFilters, withKnownAvatar, type SearchParams } from './filters';
import { toAnalyticsFilter, type Scope } from './loaders';
import { describeRange } from './range-label';

type Props = {
  path: string;
  title: string;
  description: (workspaceName: string) => string;
  searchParams: Promise<SearchParams>;
  dashboard: (scope: Scope, avatars: AvatarSummary[]) => ReactNode;
};

export async function AnalyticsPage({ path, title, description, searchParams, dashboard }: Props) {
  const { workspace, role } = await requireSessionContext(path);
  const header = <PageHeader title={title} description={description(workspace.name)} />;
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
      <div className="px-8 py-6">{dashboard(scope, avatars)}</div>
    </>
  );
}
