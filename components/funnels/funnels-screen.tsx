/**
 * The Funnels page (Goals › Funnels): the workspace's funnels, the builder when the URL asks for it
 * (`?new=1`, or `?edit=1` on a funnel), and the selected funnel's chart for the URL's range and avatar.
 */
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { z } from 'zod';
import { listAvatars } from '@/db/queries/avatars';
import { listStepNames } from '@/db/queries/funnels';
import { FilterRow } from '@/components/analytics/filter-row';
import { filtersKey, filtersToQuery, parseDashboardFilters, withKnownAvatar, type SearchParams } from '@/components/analytics/filters';
import { toAnalyticsFilter } from '@/components/analytics/loaders';
import { describeRange } from '@/components/analytics/range-label';
import { GoalsTabs } from '@/components/goals/goals-tabs';
import { PageHeader } from '@/components/shell/page-header';
import { Alert } from '@/components/ui/alert';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { stepLabel } from '@/lib/funnels/labels';
import { listFunnels, type Funnel } from '@/lib/funnels/service';
import { listGoals } from '@/lib/goals/service';
import { DeleteFunnelButton } from './delete-funnel-button';
import { FunnelBuilder } from './funnel-builder';
import { NEW_FUNNEL, toDraft } from './funnel-draft';
import { FunnelList } from './funnel-list';
import { FunnelReportCard, FunnelReportSkeleton } from './funnel-report-card';
import { NoFunnels } from './no-funnels';

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const formParamsSchema = z.object({
  new: z.preprocess(first, z.string().optional().catch(undefined)),
  edit: z.preprocess(first, z.string().optional().catch(undefined)),
});

/** `query` (the filters, `?…` or empty) plus one flag. */
const withFlag = (query: string, flag: string) => (query ? `${query}&${flag}=1` : `?${flag}=1`);
const linkClass = 'inline-flex items-center rounded-md px-3.5 py-2 text-sm font-semibold shadow-sm';

export async function FunnelsScreen({ searchParams, selectedId }: { searchParams: SearchParams; selectedId: string | null }) {
  const { workspace, role } = await requireSessionContext(selectedId ? `/goals/funnels/${encodeURIComponent(selectedId)}` : '/goals/funnels');
  const [funnels, avatars, goals] = await Promise.all([listFunnels(workspace.id), listAvatars(workspace.id), listGoals(workspace.id)]);
  const selected: Funnel | null = selectedId ? (funnels.find((f) => f.id === selectedId) ?? null) : (funnels[0] ?? null);
  if (selectedId && !selected) notFound();

  const { filters, notice } = withKnownAvatar(parseDashboardFilters(searchParams), avatars);
  const query = filtersToQuery(filters);
  const avatarNames = new Map(avatars.map((a) => [a.id, a.name]));
  const goalNames = new Map(goals.map((g) => [g.id, g.name]));
  const goalOptions = goals.map((g) => ({ id: g.id, name: g.name }));
  const here = selected ? `/goals/funnels/${encodeURIComponent(selected.id)}` : '/goals/funnels';
  const form = formParamsSchema.parse(searchParams);
  const canEdit = roleAtLeast(role, 'member');
  const building = canEdit && (funnels.length === 0 || form.new !== undefined || form.edit !== undefined);
  const builderProps = { avatars, goals: goalOptions, query, names: building ? await listStepNames(workspace.id) : { tools: [], events: [] } };

  const header = (
    <>
      <PageHeader
        title="Funnels"
        description="Ordered steps a conversation goes through — and where conversations drop off."
        actions={
          canEdit && funnels.length > 0 ? (
            <Link href={`/goals/funnels${withFlag(query, 'new')}`} className={`${linkClass} bg-indigo-600 text-white hover:bg-indigo-500`}>
              New funnel
            </Link>
          ) : null
        }
      />
      <GoalsTabs />
    </>
  );

  if (funnels.length === 0) {
    return (
      <>
        {header}
        <div className="space-y-6 px-8 py-6">
          <NoFunnels canEdit={canEdit} />
          {canEdit ? <FunnelBuilder mode={{ kind: 'create' }} initial={NEW_FUNNEL()} cancelHref="/goals" {...builderProps} /> : null}
        </div>
      </>
    );
  }

  const funnel = selected!;
  const effectiveAvatar = filters.avatarId ?? funnel.avatarId;
  const clash = funnel.avatarId && filters.avatarId && funnel.avatarId !== filters.avatarId;
  const scope = { workspaceId: workspace.id, timezone: workspace.timezone, filters };
  return (
    <>
      {header}
      <FilterRow filters={filters} avatars={avatars} avatarMode="query" rangeLabel={describeRange(filters, toAnalyticsFilter(scope).range)} notice={notice} />
      <div className="grid gap-6 px-8 py-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <FunnelList funnels={funnels} selectedId={funnel.id} query={query} avatarNames={avatarNames} />
        <div className="min-w-0 space-y-6">
          {canEdit && form.new !== undefined ? <FunnelBuilder key="new" mode={{ kind: 'create' }} initial={NEW_FUNNEL()} cancelHref={`${here}${query}`} {...builderProps} /> : null}
          {canEdit && form.new === undefined && form.edit !== undefined ? (
            <FunnelBuilder key={`${funnel.id}|${funnel.updatedAt}`} mode={{ kind: 'edit', funnelId: funnel.id, funnelName: funnel.name }} initial={toDraft(funnel)} cancelHref={`${here}${query}`} {...builderProps} />
          ) : null}
          <div className="flex flex-wrap items-start justify-between gap-3">
            <p className="min-w-0 text-sm text-gray-600">
              {funnel.steps.map((s) => stepLabel(s, goalNames)).join(' → ')}
              {funnel.avatarId ? <span className="text-gray-500"> · only {avatarNames.get(funnel.avatarId) ?? funnel.avatarId}</span> : null}
            </p>
            {canEdit ? (
              <span className="flex items-center gap-2">
                <Link href={`${here}${withFlag(query, 'edit')}`} className={`${linkClass} bg-white text-gray-900 ring-1 ring-inset ring-gray-300 hover:bg-gray-50`} aria-label={`Edit ${funnel.name}`}>
                  Edit
                </Link>
                <DeleteFunnelButton id={funnel.id} name={funnel.name} query={query} />
              </span>
            ) : null}
          </div>
          {clash ? (
            <Alert tone="info">
              This funnel counts only {avatarNames.get(funnel.avatarId!) ?? funnel.avatarId}’s conversations, so the avatar filter ({avatarNames.get(filters.avatarId!) ?? filters.avatarId}) leaves none.
            </Alert>
          ) : null}
          <Suspense key={filtersKey(filters, funnel.id, funnel.updatedAt)} fallback={<FunnelReportSkeleton />}>
            <FunnelReportCard scope={scope} funnel={funnel} goalNames={goalNames} avatarName={effectiveAvatar ? (avatarNames.get(effectiveAvatar) ?? effectiveAvatar) : null} />
          </Suspense>
        </div>
      </div>
    </>
  );
}
