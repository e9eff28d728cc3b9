/** One goal on the Goals page: its rule, back-fill state, figures for the range, trend, avatars and latest completions. */
import Link from 'next/link';
import { formatBucket } from '@/components/analytics/format-bucket';
import type { DashboardFilters } from '@/components/analytics/filters';
import { Badge } from '@/components/transcripts/badges';
import type { GoalStats } from '@/lib/goals/analytics';
import type { Goal } from '@/lib/goals/service';
import { formatNumber, formatPercent } from '@/lib/format';
import { BackfillProgress, BackfillStatus } from './backfill-status';
import { DeleteGoalButton } from './delete-goal-button';
import { describeTrigger } from './describe-trigger';
import { GoalAvatarTable } from './goal-avatar-table';
import { completingTranscriptsHref, goalsHref } from './goal-links';
import { GoalTrendChart } from './goal-trend-chart';
import { RecentCompletions } from './recent-completions';

type Props = {
  goal: Goal;
  stats: GoalStats | undefined;
  avatarName: string | null;
  /** The name of the avatar the page is filtered to, if any. */
  filterAvatarName: string | null;
  filters: DashboardFilters;
  timezone: string;
  canEdit: boolean;
};

const UNIT = { hour: 'hour', day: 'day', week: 'week', month: 'month' } as const;

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <section aria-label={label} className="rounded-lg bg-gray-50 px-4 py-3">
      <p className="text-xs font-medium text-gray-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tracking-tight text-gray-900">{value}</p>
      <p className="mt-0.5 text-xs text-gray-500">{detail}</p>
    </section>
  );
}

export function GoalCard({ goal, stats, avatarName, filterAvatarName, filters, timezone, canEdit }: Props) {
  const headingId = `goal-${goal.id}`;
  const otherAvatar = goal.avatarId !== null && filters.avatarId !== null && goal.avatarId !== filters.avatarId;
  const completions = stats?.completions ?? 0;
  const conversations = stats?.conversations ?? 0;
  const rows = (stats?.trend ?? []).map((b) => ({ label: formatBucket(b.date, filters.groupBy, timezone), Completed: b.completions, 'Not completed': Math.max(b.conversations - b.completions, 0) }));
  const scope = goal.avatarId ? `${avatarName ?? goal.avatarId} only` : filterAvatarName ? filterAvatarName : 'all avatars';
  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={headingId} className="text-base font-semibold text-gray-900">
              {goal.name}
            </h2>
            {goal.avatarId ? <Badge color="indigo">{avatarName ?? goal.avatarId} only</Badge> : null}
            <BackfillStatus backfill={goal.backfill} timezone={timezone} />
          </div>
          <p className="mt-1 break-words text-sm text-gray-500">{describeTrigger(goal.trigger)}</p>
        </div>
        {canEdit ? (
          <div className="flex items-center gap-1">
            <Link href={goalsHref(filters, { edit: goal.id })} scroll={false} aria-label={`Edit ${goal.name}`} className="rounded-md px-3.5 py-2 text-sm font-semibold text-gray-700 hover:bg-gray-100">
              Edit
            </Link>
            <DeleteGoalButton id={goal.id} name={goal.name} />
          </div>
        ) : null}
      </div>
      <BackfillProgress backfill={goal.backfill} name={goal.name} />

      <div className="mt-5 grid gap-6 xl:grid-cols-4">
        <div className="grid grid-cols-3 gap-3 xl:grid-cols-1">
          <Figure label="Completions" value={formatNumber(completions)} detail="conversations that reached it" />
          <Figure label="Completion rate" value={formatPercent(stats?.completionRate ?? null)} detail="completions ÷ conversations" />
          <Figure label="Conversations" value={formatNumber(conversations)} detail={`started in this range, ${scope}`} />
        </div>
        <div className="min-w-0 xl:col-span-3">
          <h3 className="text-xs font-medium text-gray-500">Conversations per {UNIT[filters.groupBy]}, completed or not ({timezone})</h3>
          {conversations > 0 ? (
            <GoalTrendChart rows={rows} />
          ) : (
            <p className="mt-2 flex h-56 items-center justify-center rounded-lg border border-dashed border-gray-200 px-4 text-center text-sm text-gray-500">
              {otherAvatar ? `This goal counts only ${avatarName ?? goal.avatarId}’s conversations, and the page shows ${filterAvatarName}’s.` : 'No conversations in this range.'}
            </p>
          )}
        </div>
      </div>

      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <div>
          <h3 className="mb-2 text-xs font-medium text-gray-500">By avatar</h3>
          <GoalAvatarTable rows={(stats?.byAvatar ?? []).map((a) => ({ ...a, href: completingTranscriptsHref(filters, goal.id, a.id) }))} />
        </div>
        <div>
          <div className="mb-2 flex items-baseline justify-between gap-3">
            <h3 className="text-xs font-medium text-gray-500">Latest completions</h3>
            {completions > 0 ? (
              <Link href={completingTranscriptsHref(filters, goal.id)} className="text-xs font-medium text-indigo-600 hover:underline">
                All {formatNumber(completions)} completing conversations →
              </Link>
            ) : null}
          </div>
          <RecentCompletions items={stats?.recentCompletions ?? []} timezone={timezone} />
        </div>
      </div>
    </section>
  );
}
