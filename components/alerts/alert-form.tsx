'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { AvatarOptions } from '@/components/ui/avatar-options';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { describePreview, formatAlertValue } from '@/lib/alerts/format';
import type { AlertPreview } from '@/lib/alerts/preview';
import type { ActionResult } from '@/lib/auth/session';
import { ALERT_METRICS, METRIC_LABELS } from '@/lib/alerts/metric-names';
import { fieldOfPath, inPercent, thresholdUnit, toRuleInput, type AlertFormValues } from './form-values';
import { PreviewChart } from './preview-chart';

export type AlertFormMode = { kind: 'create'; templateTitle: string | null } | { kind: 'edit'; ruleId: string; ruleName: string };

type Save = (input: unknown) => Promise<ActionResult<{ id: string }>>;
/** The page's server actions, passed in (client components do not import from app/). */
export type AlertFormActions = {
  create: Save;
  update: (id: unknown, patch: unknown) => Promise<ActionResult<{ id: string }>>;
  preview: (input: unknown) => Promise<ActionResult<AlertPreview>>;
};

type Props = {
  actions: AlertFormActions;
  mode: AlertFormMode;
  initial: AlertFormValues;
  avatars: { id: string; name: string }[];
  goals: { id: string; name: string }[];
  funnels: { id: string; name: string; steps: string[] }[];
  closeHref: string;
};

const PREVIEW_DELAY_MS = 400;

function usePreview(values: AlertFormValues, previewAction: AlertFormActions['preview']) {
  const [preview, setPreview] = useState<AlertPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify({ ...toRuleInput(values), name: undefined, channels: undefined, enabled: undefined });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      setLoading(true);
      const rule = JSON.parse(key) as Record<string, unknown>;
      const result: ActionResult<AlertPreview> = await previewAction({ rule, period: '30d' }).catch(() => ({ ok: false, message: 'The preview could not be computed.' }));
      if (!live) return;
      setLoading(false);
      if (result.ok) {
        setPreview(result.data);
        setProblem(null);
      } else {
        setProblem(result.fieldErrors ? 'Complete the highlighted fields to see the preview.' : result.message);
      }
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, previewAction]);
  return { preview, problem, loading };
}

export function AlertForm({ actions, mode, initial, avatars, goals, funnels, closeHref }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { preview, problem, loading } = usePreview(values, actions.preview);
  const set = <K extends keyof AlertFormValues>(key: K, value: AlertFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (field: string) => errors[field]?.join(' ') || undefined;
  const unit = thresholdUnit(values.metric, values.compare);
  const funnel = funnels.find((f) => f.id === values.funnelId);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const input = toRuleInput(values);
      const result = mode.kind === 'create' ? await actions.create(input) : await actions.update(mode.ruleId, input);
      if (result.ok) {
        router.push(`/alerts/${result.data.id}`);
        return;
      }
      const byField: Record<string, string[]> = {};
      for (const [path, list] of Object.entries(result.fieldErrors ?? {})) (byField[fieldOfPath(path, values)] ??= []).push(...(list ?? []));
      setErrors(byField);
      setMessage(result.fieldErrors ? 'Check the highlighted fields.' : result.message);
    });
  }

  const title = mode.kind === 'create' ? (mode.templateTitle ? `New alert: ${mode.templateTitle}` : 'New alert rule') : `Edit “${mode.ruleName}”`;
  const placed = new Set(['name', 'metric', 'avatarId', 'goalId', 'funnelId', 'funnelStep', 'window', 'op', 'compare', 'threshold', 'minConversations', 'forChecks', 'noData', 'emails', 'slackUrl', 'webhook']);
  const unplaced = Object.entries(errors).filter(([field]) => !placed.has(field));

  return (
    <section aria-labelledby="alert-form-title" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-indigo-200">
      <h2 id="alert-form-title" className="text-base font-semibold text-gray-900">
        {title}
      </h2>
      <form onSubmit={submit} noValidate className="mt-4 space-y-5">
        {message ? <Alert>{message}</Alert> : null}
        {unplaced.length ? <Alert>{unplaced.map(([f, m]) => `${f}: ${m.join(' ')}`).join(' · ')}</Alert> : null}
        <div className="grid gap-4 md:grid-cols-3">
          <Field label="Rule name" name="name" value={values.name} onChange={(e) => set('name', e.target.value)} maxLength={200} error={error('name')} className="md:col-span-2" />
          <SelectField label="Avatar" name="avatarId" value={values.avatarId} onChange={(e) => set('avatarId', e.target.value)} error={error('avatarId')}>
            <AvatarOptions avatars={avatars} />
          </SelectField>
        </div>
        <div className="grid gap-4 md:grid-cols-3">
          <SelectField label="Metric" name="metric" value={values.metric} onChange={(e) => set('metric', e.target.value as AlertFormValues['metric'])} error={error('metric')}>
            {ALERT_METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_LABELS[m]}
              </option>
            ))}
          </SelectField>
          {values.metric === 'goal_completion_rate' ? (
            <SelectField label="Goal" name="goalId" value={values.goalId} onChange={(e) => set('goalId', e.target.value)} error={error('goalId')} hint={goals.length ? undefined : 'This workspace has no goals yet.'}>
              <option value="">Choose a goal…</option>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          {values.metric === 'funnel_conversion' ? (
            <>
              <SelectField label="Funnel" name="funnelId" value={values.funnelId} onChange={(e) => set('funnelId', e.target.value)} error={error('funnelId')} hint={funnels.length ? undefined : 'This workspace has no funnels yet.'}>
                <option value="">Choose a funnel…</option>
                {funnels.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </SelectField>
              <SelectField label="Conversion to step" name="funnelStep" value={values.funnelStep} onChange={(e) => set('funnelStep', e.target.value)} error={error('funnelStep')}>
                <option value="">The last step</option>
                {(funnel?.steps ?? []).map((s, i) =>
                  i === 0 ? null : (
                    <option key={i} value={String(i)}>
                      {`${i + 1}. ${s}`}
                    </option>
                  ),
                )}
              </SelectField>
            </>
          ) : null}
          <SelectField label="Window" name="window" value={values.window} onChange={(e) => set('window', e.target.value as AlertFormValues['window'])} error={error('window')} hint="A rolling window ending at each check.">
            <option value="1h">Last hour</option>
            <option value="24h">Last 24 hours</option>
            <option value="7d">Last 7 days</option>
          </SelectField>
        </div>
        <div className="grid gap-4 md:grid-cols-4">
          <SelectField label="Compare" name="compare" value={values.compare} onChange={(e) => set('compare', e.target.value as AlertFormValues['compare'])} error={error('compare')}>
            <option value="value">The value</option>
            <option value="change">Change vs. the window before</option>
          </SelectField>
          <SelectField label="Condition" name="op" value={values.op} onChange={(e) => set('op', e.target.value as AlertFormValues['op'])} error={error('op')}>
            <option value="above">Above</option>
            <option value="below">Below</option>
          </SelectField>
          <Field
            label={`Threshold${unit ? ` (${unit})` : ''}`}
            name="threshold"
            inputMode="decimal"
            value={values.threshold}
            onChange={(e) => set('threshold', e.target.value)}
            error={error('threshold')}
            hint={values.compare === 'change' ? 'e.g. −30 for “down 30 %”' : inPercent(values.metric, values.compare) ? 'A percentage, e.g. 10' : undefined}
          />
          <Field label="Fire after (checks in a row)" name="forChecks" inputMode="numeric" value={values.forChecks} onChange={(e) => set('forChecks', e.target.value)} error={error('forChecks')} />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            label="Minimum conversations"
            name="minConversations"
            inputMode="numeric"
            value={values.minConversations}
            onChange={(e) => set('minConversations', e.target.value)}
            error={error('minConversations')}
            hint="Below this many conversations in the window a check has no data."
          />
          <SelectField label="When there is no data" name="noData" value={values.noData} onChange={(e) => set('noData', e.target.value as AlertFormValues['noData'])} error={error('noData')}>
            <option value="ok">Treat as OK (resolve)</option>
            <option value="keep">Keep the current state</option>
            <option value="alert">Treat as breaching</option>
          </SelectField>
        </div>

        <section aria-labelledby="alert-preview-title" className="rounded-lg bg-gray-50 p-4 ring-1 ring-inset ring-gray-200">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 id="alert-preview-title" className="text-sm font-semibold text-gray-900">
              Preview: the last 30 days
            </h3>
            <p className="text-sm text-gray-700" aria-live="polite" data-testid="preview-summary">
              {loading && !preview ? 'Computing…' : problem ? problem : preview ? describePreview(preview) : ''}
            </p>
          </div>
          {preview && !problem ? (
            <div className={loading ? 'opacity-60' : ''}>
              <PreviewChart series={preview.series} threshold={preview.threshold} firings={preview.firings} metric={values.metric} compare={values.compare} />
              {preview.firings.length ? (
                <ul className="mt-2 space-y-0.5 text-xs text-gray-600" aria-label="Would have fired">
                  {preview.firings.slice(-5).map((f) => (
                    <li key={f.firedAt}>
                      {new Date(f.firedAt).toUTCString().slice(5, 22)} → {f.resolvedAt ? new Date(f.resolvedAt).toUTCString().slice(5, 22) : 'still firing'} UTC · peak{' '}
                      {formatAlertValue(values.metric, values.compare, f.peakValue)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </section>

        <fieldset>
          <legend className="text-sm font-medium text-gray-900">Notify</legend>
          <div className="mt-2 grid gap-4 md:grid-cols-2">
            <Field label="E-mail addresses" name="emails" value={values.emails} onChange={(e) => set('emails', e.target.value)} placeholder="ops@example.com, oncall@example.com" error={error('emails')} />
            <Field label="Slack incoming-webhook URL" name="slackUrl" value={values.slackUrl} onChange={(e) => set('slackUrl', e.target.value)} placeholder="https://hooks.slack.com/services/…" spellCheck={false} error={error('slackUrl')} />
          </div>
          <label className="mt-3 flex items-center gap-2 text-sm text-gray-700">
            <input type="checkbox" name="webhook" checked={values.webhook} onChange={(e) => set('webhook', e.target.checked)} className="rounded text-indigo-600" />
            Send <code className="rounded bg-gray-100 px-1">alert.triggered</code> / <code className="rounded bg-gray-100 px-1">alert.resolved</code> to this workspace’s webhooks subscribed to them
          </label>
          {error('webhook') ? <p className="mt-1.5 text-sm text-red-600">{error('webhook')}</p> : null}
        </fieldset>

        <div className="flex gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : mode.kind === 'create' ? 'Save rule' : 'Save changes'}
          </Button>
          <Link href={closeHref} scroll={false} className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-semibold text-gray-700 ring-1 ring-inset ring-gray-300 hover:bg-gray-50">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
