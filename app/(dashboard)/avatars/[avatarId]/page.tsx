import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listAvatars } from '@/db/queries/avatars';
import { FilterRow } from '@/components/analytics/filter-row';
import { filtersToQuery, parseDashboardFilters, type SearchParams } from '@/components/analytics/filters';
import { toAnalyticsFilter } from '@/components/analytics/loaders';
import { OverviewDashboard } from '@/components/analytics/overview-dashboard';
import { describeRange } from '@/components/analytics/range-label';
import { PageHeader } from '@/components/shell/page-header';
import { requireSessionContext } from '@/components/shell/session-context';
import { routeIdOrNull } from '@/lib/http/route-id';

type Props = { params: Promise<{ avatarId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Avatar ${routeIdOrNull((await params).avatarId) ?? 'not found'}` };
}

/** The Overview dashboard for one avatar (404 for an avatar this workspace does not have). */
export default async function AvatarPage({ params, searchParams }: Props) {
  const id = routeIdOrNull((await params).avatarId);
  if (id === null) notFound();
  const { workspace } = await requireSessionContext(`/avatars/${encodeURIComponent(id)}`);
  const avatars = await listAvatars(workspace.id);
  const avatar = avatars.find((a) => a.id === id);
  if (!avatar) notFound();
  const { filters: parsed, notice } = parseDashboardFilters(await searchParams);
  const filters = { ...parsed, avatarId: avatar.id };
  const scope = { workspaceId: workspace.id, timezone: workspace.timezone, filters };
  const back = `/avatars${filtersToQuery({ ...filters, avatarId: null })}`;
  return (
    <>
      <PageHeader
        title={avatar.name}
        description={avatar.name === avatar.id ? 'Avatar analytics' : `Avatar ${avatar.id}`}
        actions={
          <Link href={back} className="text-sm font-semibold text-indigo-600 hover:text-indigo-500">
            ← All avatars
          </Link>
        }
      />
      <FilterRow filters={filters} avatars={avatars} avatarMode="path" rangeLabel={describeRange(filters, toAnalyticsFilter(scope).range)} notice={notice} />
      <div className="px-8 py-6">
        <OverviewDashboard scope={scope} showTopAvatars={false} />
      </div>
    </>
  );
}
