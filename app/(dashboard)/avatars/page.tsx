import type { Metadata } from 'next';
import { Suspense } from 'react';
import { listAvatars, type AvatarSummary } from '@/db/queries/avatars';
import { AvatarTable } from '@/components/analytics/avatar-table';
import { FilterRow } from '@/components/analytics/filter-row';
import { filtersKey, filtersToQuery, parseDashboardFilters, type SearchParams } from '@/components/analytics/filters';
import { loadAvatarBreakdown, toAnalyticsFilter, type Scope } from '@/components/analytics/loaders';
import { describeRange } from '@/components/analytics/range-label';
import { WidgetSkeleton } from '@/components/analytics/skeletons';
import { PageHeader } from '@/components/shell/page-header';
import { requireSessionContext } from '@/components/shell/session-context';

export const metadata: Metadata = { title: 'Avatars' };

export default async function AvatarsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { workspace } = await requireSessionContext('/avatars');
  const { filters: parsed, notice } = parseDashboardFilters(await searchParams);
  const filters = { ...parsed, avatarId: null };
  const scope = { workspaceId: workspace.id, timezone: workspace.timezone, filters };
  const avatars = await listAvatars(workspace.id);
  return (
    <>
      <PageHeader title="Avatars" description="Each avatar's conversations in the range; open one for its own dashboard." />
      <FilterRow filters={filters} avatars={avatars} avatarMode="none" rangeLabel={describeRange(filters, toAnalyticsFilter(scope).range)} notice={notice} />
      <div className="px-8 py-6">
        <section aria-label="Avatars" className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
          <Suspense key={filtersKey(filters)} fallback={<WidgetSkeleton height="h-40" className="shadow-none ring-0" />}>
            <AvatarRows scope={scope} avatars={avatars} />
          </Suspense>
        </section>
      </div>
    </>
  );
}

async function AvatarRows({ scope, avatars }: { scope: Scope; avatars: AvatarSummary[] }) {
  const breakdown = await loadAvatarBreakdown(scope);
  return <AvatarTable avatars={avatars} breakdown={breakdown} query={filtersToQuery(scope.filters)} />;
}
