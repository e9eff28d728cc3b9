import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { listAvatars } from '@/db/queries/avatars';
import { hasAnyConversation } from '@/db/queries/conversations';
import { FilterRow } from '@/components/analytics/filter-row';
import { parseDashboardFilters, withKnownAvatar, type SearchParams } from '@/components/analytics/filters';
import { toAnalyticsFilter } from '@/components/analytics/loaders';
import { describeRange } from '@/components/analytics/range-label';
import { describeTrigger } from '@/components/goals/describe-trigger';
import { GoalForm, type GoalFormMode } from '@/components/goals/goal-form';
import { toFormValues, type GoalFormValues } from '@/components/goals/goal-form-values';
import { goalsHref } from '@/components/goals/goal-links';
import { GoalsDashboard } from '@/components/goals/goals-dashboard';
import { GoalsTabs } from '@/components/goals/goals-tabs';
import { TemplateGallery } from '@/components/goals/template-gallery';
import { PageHeader } from '@/components/shell/page-header';
import { Alert } from '@/components/ui/alert';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { listGoals, type Goal } from '@/lib/goals/service';
import { GOAL_TEMPLATES } from '@/lib/goals/triggers';

export const metadata: Metadata = { title: 'Goals' };

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
/** Which form the URL opens: `?new=<template key>|custom` or `?edit=<goal id>`. */
const formParamsSchema = z.object({
  new: z.preprocess(first, z.enum([...GOAL_TEMPLATES.map((t) => t.key), 'custom']).optional().catch(undefined)),
  edit: z.preprocess(first, z.string().min(1).max(200).optional().catch(undefined)),
});

/** The template's name, or "Name 2", "Name 3"… when the workspace already has a goal by that name. */
function freeName(name: string, goals: Goal[]): string {
  const taken = new Set(goals.map((g) => g.name));
  for (let n = 1; ; n++) if (!taken.has(n === 1 ? name : `${name} ${n}`)) return n === 1 ? name : `${name} ${n}`;
}

type OpenForm = { mode: GoalFormMode; initial: GoalFormValues } | null;

function openForm(params: z.infer<typeof formParamsSchema>, goals: Goal[]): OpenForm {
  if (params.edit) {
    const goal = goals.find((g) => g.id === params.edit);
    return goal ? { mode: { kind: 'edit', goalId: goal.id, goalName: goal.name }, initial: toFormValues(goal) } : null;
  }
  if (params.new === 'custom') return { mode: { kind: 'create', templateName: null }, initial: toFormValues({ name: '', avatarId: null, trigger: { type: 'pattern', pattern: '', role: 'user' } }) };
  const template = GOAL_TEMPLATES.find((t) => t.key === params.new);
  if (!template) return null;
  return { mode: { kind: 'create', templateName: template.name }, initial: toFormValues({ name: freeName(template.name, goals), avatarId: null, trigger: template.trigger }) };
}

function NoGoals({ canEdit }: { canEdit: boolean }) {
  return (
    <section className="rounded-xl border border-dashed border-gray-300 bg-white px-8 py-10 text-center">
      <h2 className="text-base font-semibold text-gray-900">No goals yet</h2>
      <p className="mx-auto mt-2 max-w-xl text-sm text-gray-500">
        A goal is an outcome a conversation can reach: the user leaves an email address, says thanks, triggers an event or a tool call, or the conversation ends without a
        human handoff. Confab evaluates every stored conversation when you add one, and each new conversation as it arrives; the Overview’s completion rate counts them.
      </p>
      <p className="mt-3 text-sm text-gray-500">{canEdit ? 'Pick a template above to start.' : 'Ask a member of this workspace to add one.'}</p>
    </section>
  );
}

export default async function GoalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { workspace, role } = await requireSessionContext('/goals');
  const [goals, avatars, hasData, params] = await Promise.all([listGoals(workspace.id), listAvatars(workspace.id), hasAnyConversation(workspace.id), searchParams]);
  const { filters, notice } = withKnownAvatar(parseDashboardFilters(params), avatars);
  const canEdit = roleAtLeast(role, 'member');
  const formParams = formParamsSchema.parse(params);
  const form = canEdit ? openForm(formParams, goals) : null;
  const missingGoal = canEdit && formParams.edit && !form;
  const range = toAnalyticsFilter({ workspaceId: workspace.id, timezone: workspace.timezone, filters }).range;
  const templates = GOAL_TEMPLATES.map((t) => ({
    key: t.key,
    name: t.name,
    description: t.description,
    rule: describeTrigger(t.trigger),
    href: goalsHref(filters, { new: t.key }),
    added: goals.some((g) => g.name === t.name),
  }));
  const closeHref = goalsHref(filters);
  return (
    <>
      <PageHeader title="Goals" description="Outcomes your conversations reach: completions, completion rates and trends." />
      <GoalsTabs />
      <FilterRow filters={filters} avatars={avatars} avatarMode="query" rangeLabel={describeRange(filters, range)} notice={notice} />
      <div className="space-y-6 px-8 py-6">
        {!hasData ? (
          <Alert tone="info">
            No conversations yet. Goals are evaluated as conversations arrive — the <Link href="/overview" className="font-semibold underline">Overview</Link> shows how to send the
            first one.
          </Alert>
        ) : null}
        {missingGoal ? <Alert tone="info">That goal no longer exists.</Alert> : null}
        {!canEdit ? <Alert tone="info">You can see this workspace’s goals; members, admins and owners create and edit them.</Alert> : null}
        {form ? (
          <GoalForm key={formParams.edit ?? formParams.new} mode={form.mode} initial={form.initial} avatars={avatars} closeHref={closeHref} />
        ) : canEdit ? (
          <TemplateGallery templates={templates} customHref={goalsHref(filters, { new: 'custom' })} />
        ) : null}
        {goals.length === 0 ? (
          <NoGoals canEdit={canEdit} />
        ) : (
          <GoalsDashboard workspaceId={workspace.id} timezone={workspace.timezone} filters={filters} goals={goals} avatarNames={new Map(avatars.map((a) => [a.id, a.name]))} canEdit={canEdit} />
        )}
      </div>
    </>
  );
}
