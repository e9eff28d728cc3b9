import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findAvatar } from '@/db/queries/avatars';
import { checkAlertNowAction, deleteAlertAction, snoozeAlertAction, updateAlertAction } from '../actions';
import { PreviewChart } from '@/components/alerts/preview-chart';
import { RuleActions } from '@/components/alerts/rule-actions';
import { displayState, StateBadge } from '@/components/alerts/state-badge';
import { PageHeader } from '@/components/shell/page-header';
import { Alert } from '@/components/ui/alert';
import { describeCondition, describePreview, formatAlertValue } from '@/lib/alerts/format';
import { previewAlert } from '@/lib/alerts/preview';
import { METRIC_LABELS } from '@/lib/alerts/schemas';
import { getAlertRule, listAlertEvents } from '@/lib/alerts/service';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';

export const metadata: Metadata = { title: 'Alert rule' };

const when = (iso: string) => new Date(iso).toUTCString().replace(' GMT', ' UTC');

export default async function AlertRulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { workspace, role } = await requireSessionContext(`/alerts/${encodeURIComponent(id)}`);
  const rule = await getAlertRule(workspace.id, id);
  if (!rule) notFound();
  const canEdit = roleAtLeast(role, 'member');
  const [events, avatar, preview] = await Promise.all([
    listAlertEvents(workspace.id, rule.id, { limit: 100 }),
    rule.avatarId ? findAvatar(workspace.id, rule.avatarId) : null,
    previewAlert(workspace.id, {
      rule: { metric: rule.metric, avatarId: rule.avatarId, goalId: rule.goalId, funnelId: rule.funnelId, funnelStep: rule.funnelStep, window: rule.window, condition: rule.condition, minConversations: rule.minConversations, forChecks: rule.forChecks, noData: rule.noData },
      period: '30d',
    }).catch(() => null),
  ]);
  const state = displayState(rule);
  const fmt = (v: number | null) => formatAlertValue(rule.metric, rule.condition.compare, v);
  return (
    <>
      <PageHeader
        title={rule.name}
        description={`${describeCondition({ ...rule.condition, metric: rule.metric, window: rule.window })} · ${avatar?.name ?? (rule.avatarId ? rule.avatarId : 'All avatars')}`}
        actions={
          <Link href="/alerts" className="text-sm font-semibold text-indigo-700 hover:underline">
            ← All alerts
          </Link>
        }
      />
      <div className="space-y-6 px-8 py-6">
        <section aria-label="State" className="grid gap-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200 md:grid-cols-4">
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-gray-500">State</p>
            <p className="mt-1" data-testid="alert-state">
              <StateBadge state={state} />
            </p>
            {rule.snoozedUntil && state === 'snoozed' ? <p className="mt-1 text-xs text-gray-500">until {when(rule.snoozedUntil)} ({rule.state === 'firing' ? 'firing' : 'ok'} underneath)</p> : null}
          </div>
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-gray-500">Last value</p>
            <p className="mt-1 text-lg font-semibold tabular-nums text-gray-900">{rule.checkedAt ? fmt(rule.value) : '—'}</p>
            <p className="text-xs text-gray-500">
              threshold: {rule.condition.op} {fmt(rule.condition.threshold)}
            </p>
          </div>
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-gray-500">Last check</p>
            <p className="mt-1 text-sm text-gray-900">{rule.checkedAt ? when(rule.checkedAt) : 'Not checked yet'}</p>
          </div>
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-gray-500">Rule</p>
            <p className="mt-1 text-xs text-gray-600">
              {METRIC_LABELS[rule.metric]} over {rule.window}; fires after {rule.forChecks} breaching {rule.forChecks === 1 ? 'check' : 'checks in a row'}; min. {rule.minConversations} conversations; no data:{' '}
              {rule.noData}.
            </p>
          </div>
        </section>

        {canEdit ? (
          <section aria-label="Actions" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
            <RuleActions actions={{ checkNow: checkAlertNowAction, remove: deleteAlertAction, snooze: snoozeAlertAction, update: updateAlertAction }} ruleId={rule.id} enabled={rule.enabled} snoozed={state === 'snoozed'} />
            <p className="mt-3 text-sm">
              <Link href={`/alerts?edit=${encodeURIComponent(rule.id)}`} className="font-semibold text-indigo-700 hover:underline">
                Edit this rule
              </Link>
            </p>
          </section>
        ) : (
          <Alert tone="info">Members, admins and owners check, snooze and edit rules.</Alert>
        )}

        <section aria-labelledby="backtest-title" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="backtest-title" className="text-sm font-semibold text-gray-900">
              The last 30 days
            </h2>
            {preview ? <p className="text-sm text-gray-700">{describePreview(preview)}</p> : null}
          </div>
          {preview ? <PreviewChart series={preview.series} threshold={preview.threshold} firings={preview.firings} metric={rule.metric} compare={rule.condition.compare} /> : <p className="text-sm text-gray-500">The history could not be read.</p>}
        </section>

        <section aria-labelledby="history-title" className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
          <h2 id="history-title" className="px-5 pt-4 text-sm font-semibold text-gray-900">
            History
          </h2>
          {events && events.data.length ? (
            <table className="mt-3 min-w-full divide-y divide-gray-200 text-sm">
              <thead className="bg-gray-50 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
                <tr>
                  <th scope="col" className="px-5 py-2">When</th>
                  <th scope="col" className="px-3 py-2">Event</th>
                  <th scope="col" className="px-3 py-2">Value</th>
                  <th scope="col" className="px-5 py-2">Notifications</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {events.data.map((e) => (
                  <tr key={e.id}>
                    <td className="whitespace-nowrap px-5 py-3 text-gray-700">{when(e.at)}</td>
                    <td className="px-3 py-3">
                      <span className={`inline-flex rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${e.status === 'fired' ? 'bg-red-50 text-red-700 ring-red-600/20' : 'bg-emerald-50 text-emerald-700 ring-emerald-600/20'}`}>
                        {e.status === 'fired' ? 'Fired' : 'Resolved'}
                      </span>
                    </td>
                    <td className="px-3 py-3 tabular-nums text-gray-900">
                      {fmt(e.value)} <span className="text-xs text-gray-500">/ {fmt(e.threshold)}</span>
                    </td>
                    <td className="px-5 py-3 text-xs">
                      {e.snoozed ? (
                        <span className="text-amber-700">Snoozed: nobody told</span>
                      ) : e.notifications.length === 0 ? (
                        <span className="text-gray-500">No channels</span>
                      ) : (
                        <ul className="space-y-0.5">
                          {e.notifications.map((n) => (
                            <li key={n.channel} className={n.ok ? 'text-emerald-700' : 'text-red-700'}>
                              {n.channel}: {n.ok ? 'sent' : `failed (${n.error ?? 'error'})`}
                              {n.attempts > 1 ? ` after ${n.attempts} attempts` : ''}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="px-5 pb-5 pt-2 text-sm text-gray-500">No transitions yet: the rule has not fired.</p>
          )}
        </section>
      </div>
    </>
  );
}
