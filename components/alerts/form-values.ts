/**
 * The alert form's values and the rule input they stand for. Thresholds are shown in the metric's display
 * unit — rates and changes as percentages, average duration in seconds, response time in milliseconds — and
 * sent in the API's (fractions for rates and changes).
 */
import { METRIC_UNITS, type AlertMetric } from '@/lib/alerts/metric-names';
import type { AlertRuleInput } from '@/lib/alerts/schemas';
import type { AlertRule } from '@/lib/alerts/service';

export type AlertFormValues = {
  name: string;
  metric: AlertMetric;
  avatarId: string;
  goalId: string;
  funnelId: string;
  funnelStep: string;
  window: '1h' | '24h' | '7d';
  op: 'above' | 'below';
  compare: 'value' | 'change';
  threshold: string;
  minConversations: string;
  forChecks: string;
  noData: 'ok' | 'keep' | 'alert';
  emails: string;
  slackUrl: string;
  webhook: boolean;
  enabled: boolean;
};

/** Whether the threshold is typed as a percentage. */
export const inPercent = (metric: AlertMetric, compare: 'value' | 'change') => compare === 'change' || METRIC_UNITS[metric] === 'rate';

export function thresholdUnit(metric: AlertMetric, compare: 'value' | 'change'): string {
  if (inPercent(metric, compare)) return '%';
  return { count: '', seconds: 's', ms: 'ms', rate: '%' }[METRIC_UNITS[metric]];
}

const round = (n: number) => Math.round(n * 1e9) / 1e9;

export function toFormValues(rule: Pick<AlertRule, 'name' | 'metric' | 'window' | 'condition'> & Partial<AlertRule>): AlertFormValues {
  const pct = inPercent(rule.metric, rule.condition.compare ?? 'value');
  const channels = rule.channels ?? [];
  const email = channels.find((c) => c.type === 'email');
  const slack = channels.find((c) => c.type === 'slack');
  return {
    name: rule.name,
    metric: rule.metric,
    avatarId: rule.avatarId ?? '',
    goalId: rule.goalId ?? '',
    funnelId: rule.funnelId ?? '',
    funnelStep: rule.funnelStep == null ? '' : String(rule.funnelStep),
    window: rule.window,
    op: rule.condition.op,
    compare: rule.condition.compare ?? 'value',
    threshold: String(pct ? round(rule.condition.threshold * 100) : rule.condition.threshold),
    minConversations: String(rule.minConversations ?? 0),
    forChecks: String(rule.forChecks ?? 1),
    noData: rule.noData ?? 'ok',
    emails: email && email.type === 'email' ? email.to.join(', ') : '',
    slackUrl: slack && slack.type === 'slack' ? slack.url : '',
    webhook: channels.some((c) => c.type === 'webhook'),
    enabled: rule.enabled ?? true,
  };
}

/** A number field: blank stays blank (so the schema names it), anything else as typed. */
const numberOf = (text: string): number | string => (text.trim() === '' || !Number.isFinite(Number(text)) ? text : Number(text));

/** The channels in the order the form lists them: e-mail, Slack, webhook (the order their error paths count). */
export function channelsOf(v: AlertFormValues): { field: 'emails' | 'slackUrl' | 'webhook'; channel: Record<string, unknown> }[] {
  const list: { field: 'emails' | 'slackUrl' | 'webhook'; channel: Record<string, unknown> }[] = [];
  const emails = v.emails.split(/[\s,;]+/).filter(Boolean);
  if (emails.length) list.push({ field: 'emails', channel: { type: 'email', to: emails } });
  if (v.slackUrl.trim()) list.push({ field: 'slackUrl', channel: { type: 'slack', url: v.slackUrl.trim() } });
  if (v.webhook) list.push({ field: 'webhook', channel: { type: 'webhook' } });
  return list;
}

export function toRuleInput(v: AlertFormValues): AlertRuleInput {
  const threshold = numberOf(v.threshold);
  const pct = inPercent(v.metric, v.compare);
  return {
    name: v.name,
    metric: v.metric,
    avatarId: v.avatarId || null,
    goalId: v.metric === 'goal_completion_rate' ? v.goalId || null : null,
    funnelId: v.metric === 'funnel_conversion' ? v.funnelId || null : null,
    funnelStep: v.metric === 'funnel_conversion' && v.funnelStep !== '' ? (numberOf(v.funnelStep) as number) : null,
    window: v.window,
    condition: { op: v.op, compare: v.compare, threshold: (typeof threshold === 'number' && pct ? round(threshold / 100) : threshold) as number },
    minConversations: numberOf(v.minConversations) as number,
    forChecks: numberOf(v.forChecks) as number,
    noData: v.noData,
    channels: channelsOf(v).map((c) => c.channel) as AlertRuleInput['channels'],
    enabled: v.enabled,
  };
}

/** The form field an error path belongs to (`channels.1.url` → the field of the second listed channel). */
export function fieldOfPath(path: string, v: AlertFormValues): string {
  const channel = /^channels\.(\d+)/.exec(path);
  if (channel) return channelsOf(v)[Number(channel[1])]?.field ?? 'channels';
  if (path.startsWith('condition.')) return path.slice('condition.'.length);
  return path.split('.')[0];
}
