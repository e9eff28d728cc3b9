/** The Goals page's figures for the URL's range and avatar, streamed behind a skeleton. */
import { Suspense } from 'react';
import { filtersKey, type DashboardFilters } from '@/components/analytics/filters';
import { GranularityToggle } from '@/components/analytics/granularity-toggle';
import { toAnalyticsFilter } from '@/components/analytics/loaders';
import { analyticsOfGoals } from '@/lib/goals/analytics';
import type { Goal } from '@/lib/goals/service';
import { formatNumber, formatPercent } from '@/lib/format';
import { BackfillRefresher } from './backfill-refresher';
import { GoalCard } from './goal-card';
import { GoalsSkeleton } from './goals-skeleton';

type Props = {
  workspaceId: string;
  timezone: string;
  filters: DashboardFilters;
  goals: Goal[];
  avatarNames: Map<string, string>;
  canEdit: boolean;
};

export function GoalsDashboard(props: Props) {
  return (
    <Suspense key={filtersKey(props.filters, props.filters.groupBy)} fallback={<GoalsSkeleton count={props.goals.length} />}>
      <GoalsBody {...props} />
    </Suspense>
  );
}

const RECENT = 5;

async function GoalsBody({ workspaceId, timezone, filters, goals, avatarNames, canEdit }: Props) {
  // The page has read the goals already: the figures are for those.
  const analytics = await analyticsOfGoals(workspaceId, goals, toAnalyticsFilter({ workspaceId, timezone, filters }), { groupBy: filters.groupBy, limit: RECENT });
  const statsOf = new Map(analytics.goals.map((g) => [g.id, g]));
  const backfilling = goals.some((g) => g.backfill.status === 'pending' || g.backfill.status === 'running');
  return (
    <div className="space-y-6">
      <BackfillRefresher active={backfilling} />
      <section aria-label="All goals" className="flex flex-wrap items-center justify-between gap-4 rounded-xl bg-white px-5 py-4 shadow-sm ring-1 ring-gray-200">
        <p className="text-sm text-gray-700">
          <span className="text-2xl font-semibold tracking-tight text-gray-900">{formatPercent(analytics.completionRate)}</span>
          <span className="ml-2">
            of {formatNumber(analytics.conversations)} conversations completed at least one goal ({formatNumber(analytics.completedConversations)}) — the Overview’s completion rate.
          </span>
        </p>
        <GranularityToggle filters={filters} />
      </section>
      {goals.map((goal) => (
        <GoalCard
          key={goal.id}
          goal={goal}
          stats={statsOf.get(goal.id)}
          avatarName={goal.avatarId ? (avatarNames.get(goal.avatarId) ?? null) : null}
          filterAvatarName={filters.avatarId ? (avatarNames.get(filters.avatarId) ?? filters.avatarId) : null}
          filters={filters}
          timezone={analytics.timezone}
          canEdit={canEdit}
        />
      ))}
    </div>
  );
}
