import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { listAvatars } from '@/db/queries/avatars';
import { createAlertAction, previewAlertAction, updateAlertAction } from './actions';
import { AlertForm, type AlertFormMode } from '@/components/alerts/alert-form';
import { toFormValues, type AlertFormValues } from '@/components/alerts/form-values';
import { Sparkline } from '@/components/alerts/preview-chart';
import { displayState, StateBadge } from '@/components/alerts/state-badge';
import { PageHeader } from '@/components/shell/page-header';
import { Alert } from '@/components/ui/alert';
import { alertCheckIntervalSeconds } from '@/lib/alerts/check';
import { describeCondition, formatAlertValue } from '@/lib/alerts/format';
import { listAlertRules, type AlertRule } from '@/lib/alerts/service';
import { ALERT_TEMPLATES } from '@/lib/alerts/templates';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { listFunnels } from '@/lib/funnels/service';
import { listGoals } from '@/lib/goals/service';
import { stepLabel } from '@/lib/funnels/labels';

export const metadata: Metadata = { title: 'Alerts' };

const describeInterval = (seconds: number) => (seconds % 60 === 0 ? (seconds === 60 ? 'minute' : `${seconds / 60} minutes`) : `${seconds} seconds`);

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
/** Which form the URL opens: `?new=<template key>|custom` or `?edit=<rule id>`. */
const formParamsSchema = z.object({
  new: z.preprocess(first, z.enum(['custom', ...ALERT_TEMPLATES.map((t) => t.key)] as [string, ...string[]]).optional().catch(undefined)),
  edit: z.preprocess(first, z.string().min(1).max(200).optional().catch(undefined)),
});

type OpenForm = { mode: AlertFormMode; initial: AlertFormValues } | null;

function openForm(params: z.infer<typeof formParamsSchema>, rules: AlertRule[]): OpenForm {
  if (params.edit) {
    const rule = rules.find((r) => r.id === params.edit);
    return rule ? { mode: { kind: 'edit', ruleId: rule.id, ruleName: rule.name }, initial: toFormValues(rule) } : null;
  }
  if (params.new === 'custom') {
    return { mode: { kind: 'create', templateTitle: null }, initial: toFormValues({ name: '', metric: 'conversations', window: '24h', condition: { op: 'below', threshold: 0, compare: 'value' } }) };
  }
  const template = ALERT_TEMPLATES.find((t) => t.key === params.new);
  if (!template) return null;
  const { rule } = template;
  return { mode: { kind: 'create', templateTitle: template.title }, initial: toFormValues({ ...rule, condition: { compare: 'value', ...rule.condition } } as AlertRule) };
}

function Templates() {
  return (
    <section aria-labelledby="alert-templates" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <h2 id="alert-templates" className="text-sm font-semibold text-gray-900">
        Add an alert
      </h2>
      <p className="mt-0.5 text-xs text-gray-500">Start from a template or write your own rule; the preview shows how often it would have fired over the last 30 days before you save it.</p>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {ALERT_TEMPLATES.map((t) => (
          <li key={t.key} className="flex flex-col rounded-lg p-4 ring-1 ring-inset ring-gray-200">
            <p className="text-sm font-semibold text-gray-900">{t.title}</p>
            <p className="mt-1 flex-1 text-sm text-gray-600">{t.description}</p>
            <div className="mt-3">
              <Link href={`/alerts?new=${t.key}`} scroll={false} aria-label={`Use template ${t.title}`} className="inline-flex items-center rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
                Use template
              </Link>
            </div>
          </li>
        ))}
        <li className="flex flex-col rounded-lg border border-dashed border-gray-300 p-4">
          <p className="text-sm font-semibold text-gray-900">Custom rule</p>
          <p className="mt-1 flex-1 text-sm text-gray-600">Any metric — goal completion and funnel conversion included — per avatar, on its value or its change.</p>
          <div className="mt-3">
            <Link href="/alerts?new=custom" scroll={false} className="inline-flex items-center rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 hover:bg-gray-50">
              Create custom rule
            </Link>
          </div>
        </li>
      </ul>
    </section>
  );
}

function RuleList({ rules, avatarNames }: { rules: AlertRule[]; avatarNames: Map<string, string> }) {
  return (
    <section aria-labelledby="alert-rules" className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
      <h2 id="alert-rules" className="px-5 pt-4 text-sm font-semibold text-gray-900">
        Rules
      </h2>
      <table className="mt-3 min-w-full divide-y divide-gray-200 text-sm">
        <thead className="bg-gray-50 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
          <tr>
            <th scope="col" className="px-5 py-2">Rule</th>
            <th scope="col" className="px-3 py-2">State</th>
            <th scope="col" className="px-3 py-2">Last value</th>
            <th scope="col" className="px-3 py-2">Recent checks</th>
            <th scope="col" className="px-5 py-2">Notifies</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rules.map((r) => {
            const state = displayState(r);
            const condition = describeCondition({ metric: r.metric, op: r.condition.op, compare: r.condition.compare, threshold: r.condition.threshold, window: r.window });
            return (
              <tr key={r.id} className={state === 'firing' ? 'bg-red-50/40' : undefined}>
                <td className="px-5 py-3">
                  <Link href={`/alerts/${r.id}`} className="font-medium text-indigo-700 hover:underline">
                    {r.name}
                  </Link>
                  <p className="text-xs text-gray-500">
                    {condition} · {r.avatarId ? (avatarNames.get(r.avatarId) ?? r.avatarId) : 'All avatars'}
                  </p>
                </td>
                <td className="px-3 py-3">
                  <StateBadge state={state} />
                </td>
                <td className="px-3 py-3 tabular-nums text-gray-900">
                  {r.checkedAt ? formatAlertValue(r.metric, r.condition.compare, r.value) : '—'}
                  <span className="text-xs text-gray-500"> / {r.condition.op} {formatAlertValue(r.metric, r.condition.compare, r.condition.threshold)}</span>
                </td>
                <td className="px-3 py-3">
                  <Sparkline points={r.recentChecks} threshold={r.condition.threshold} label={`Last ${r.recentChecks.length} checks of ${r.name}`} />
                </td>
                <td className="px-5 py-3 text-xs text-gray-600">{r.channels.length ? r.channels.map((c) => (c.type === 'email' ? 'E-mail' : c.type === 'slack' ? 'Slack' : 'Webhooks')).join(', ') : 'Nobody (history only)'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace, role } = await requireSessionContext('/alerts');
  const [rules, avatars, goals, funnels, params] = await Promise.all([listAlertRules(workspace.id), listAvatars(workspace.id), listGoals(workspace.id), listFunnels(workspace.id), searchParams]);
  const canEdit = roleAtLeast(role, 'member');
  const formParams = formParamsSchema.parse(params);
  const form = canEdit ? openForm(formParams, rules) : null;
  const goalNames = new Map(goals.map((g) => [g.id, g.name]));
  const firing = rules.filter((r) => displayState(r) === 'firing').length;
  return (
    <>
      <PageHeader title="Alerts" description={`Get told when a metric crosses a threshold — by e-mail, Slack or webhook. Rules are checked every ${describeInterval(alertCheckIntervalSeconds())}.`} />
      <div className="space-y-6 px-8 py-6">
        {firing > 0 ? <Alert>{firing === 1 ? '1 rule is firing.' : `${firing} rules are firing.`}</Alert> : null}
        {!canEdit ? <Alert tone="info">You can see this workspace’s alert rules; members, admins and owners create and edit them.</Alert> : null}
        {canEdit && formParams.edit && !form ? <Alert tone="info">That rule no longer exists.</Alert> : null}
        {form ? (
          <AlertForm
            key={formParams.edit ?? formParams.new}
            actions={{ create: createAlertAction, update: updateAlertAction, preview: previewAlertAction }}
            mode={form.mode}
            initial={form.initial}
            avatars={avatars}
            goals={goals.map((g) => ({ id: g.id, name: g.name }))}
            funnels={funnels.map((f) => ({ id: f.id, name: f.name, steps: f.steps.map((s) => stepLabel(s, goalNames)) }))}
            closeHref="/alerts"
          />
        ) : canEdit ? (
          <Templates />
        ) : null}
        {rules.length ? (
          <RuleList rules={rules} avatarNames={new Map(avatars.map((a) => [a.id, a.name]))} />
        ) : (
          <section className="rounded-xl border border-dashed border-gray-300 bg-white px-8 py-10 text-center">
            <h2 className="text-base font-semibold text-gray-900">No alert rules yet</h2>
            <p className="mx-auto mt-2 max-w-xl text-sm text-gray-500">
              A rule watches one metric over a rolling window — conversations, escalation rate, response time, a goal’s completion rate, a funnel’s conversion — and tells you when it
              crosses its threshold, and again when it is back.
            </p>
          </section>
        )}
      </div>
    </>
  );
}
