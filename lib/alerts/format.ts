/**
 * What an alert notification says, for each channel: the rule's name, the metric, the value against the
 * threshold, the window and the avatar, and a link to the rule in Confab.
 */
import type { MailContent } from '@/lib/mail';
import type { AlertPreview } from './preview';
import { METRIC_LABELS, METRIC_UNITS, type AlertMetric } from './metric-names';

export type AlertNotice = {
  status: 'fired' | 'resolved';
  ruleName: string;
  metric: AlertMetric;
  op: 'above' | 'below';
  compare: 'value' | 'change';
  threshold: number;
  value: number | null;
  window: string;
  avatarName: string | null;
  at: Date;
  url: string;
};

/** A figure in the metric's unit: rates and changes as percentages, response times in ms or s. */
export function formatAlertValue(metric: AlertMetric, compare: 'value' | 'change', value: number | null): string {
  if (value === null) return 'no data';
  if (compare === 'change') return `${value > 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;
  switch (METRIC_UNITS[metric]) {
    case 'rate':
      return `${(value * 100).toFixed(1)} %`;
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
    case 'seconds':
      return `${value.toFixed(1)} s`;
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}

/** "Escalation rate above 10.0 % over 24h" */
export function describeCondition(n: Pick<AlertNotice, 'metric' | 'op' | 'compare' | 'threshold' | 'window'>): string {
  const what = n.compare === 'change' ? `${METRIC_LABELS[n.metric]} change` : METRIC_LABELS[n.metric];
  return `${what} ${n.op} ${formatAlertValue(n.metric, n.compare, n.threshold)} over ${n.window}`;
}

/** Slack's mrkdwn escaping: `&`, `<` and `>` only, so no text can form `<!channel>` or a link. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function headline(n: AlertNotice): string {
  return n.status === 'fired' ? `Alert firing: ${n.ruleName}` : `Alert resolved: ${n.ruleName}`;
}

function facts(n: AlertNotice): [string, string][] {
  return [
    ['Metric', METRIC_LABELS[n.metric]],
    ['Value', `${formatAlertValue(n.metric, n.compare, n.value)} (threshold: ${n.op} ${formatAlertValue(n.metric, n.compare, n.threshold)})`],
    ['Window', n.window],
    ['Avatar', n.avatarName ?? 'All avatars'],
    ['Checked at', n.at.toISOString()],
  ];
}

/** The incoming-webhook body: `text` (the fallback) and Block Kit `blocks`, every piece of text escaped. */
export function slackMessage(n: AlertNotice): { text: string; blocks: unknown[] } {
  const title = escapeSlack(headline(n));
  const condition = escapeSlack(describeCondition(n));
  return {
    text: `${title}: ${condition}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `${n.status === 'fired' ? '🔴' : '✅'} ${escapeSlack(headline(n))}`.slice(0, 150), emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: condition } },
      { type: 'section', fields: facts(n).map(([k, v]) => ({ type: 'mrkdwn', text: `*${escapeSlack(k)}*\n${escapeSlack(v)}` })) },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Confab' }, url: n.url, action_id: 'open_in_confab' }],
      },
    ],
  };
}

export function alertMail(n: AlertNotice): MailContent {
  return {
    subject: `[Confab] ${headline(n)}`,
    heading: headline(n),
    paragraphs: [
      n.status === 'fired' ? `The rule's condition is true: ${describeCondition(n)}.` : `The rule's condition is no longer true: ${describeCondition(n)}.`,
      ...facts(n).map(([k, v]) => `${k}: ${v}`),
    ],
    action: { label: 'Open in Confab', url: n.url },
    footer: 'You receive this because an alert rule in your Confab workspace lists this address.',
  };
}

/** "would have fired 3 times, 41 h in alert" */
export function describePreview(p: Pick<AlertPreview, 'firings' | 'secondsFiring' | 'checks'>): string {
  if (p.firings.length === 0) return `Would not have fired in the last ${Math.round(p.checks / 24)} days.`;
  const hours = p.secondsFiring / 3600;
  const still = p.firings.at(-1)?.resolvedAt === null ? ', and would be firing now' : '';
  return `Would have fired ${p.firings.length} ${p.firings.length === 1 ? 'time' : 'times'}, ${hours < 10 ? hours.toFixed(1).replace(/\.0$/, '') : Math.round(hours)} h in alert${still}.`;
}
