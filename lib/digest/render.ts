/**
 * The digest as an e-mail (lib/mail's one template, HTML and text): KPIs with their change against the week
 * before, goals, escalation reasons, alert firings and three transcripts, with links into the dashboard.
 * The same content is the preview on Settings › Notifications.
 */
import { computeChange } from '@/lib/analytics/change';
import { formatAlertValue } from '@/lib/alerts/format';
import type { AlertMetric } from '@/lib/alerts/metric-names';
import { addDays } from '@/lib/analytics/timezone';
import { formatDateTime, formatDuration, formatMs, formatPercent } from '@/lib/format';
import type { MailContent, MailRow } from '@/lib/mail';
import type { Digest, KpiKey, NotableKind } from './content';

type Shape = 'count' | 'rate' | 'ms' | 'score';

const KPI_VIEW: Record<KpiKey, { label: string; shape: Shape }> = {
  conversations: { label: 'Conversations', shape: 'count' },
  messages: { label: 'Messages', shape: 'count' },
  completionRate: { label: 'Completion rate', shape: 'rate' },
  escalationRate: { label: 'Escalation rate', shape: 'rate' },
  avgResponseTime: { label: 'Average response time', shape: 'ms' },
  sentiment: { label: 'Sentiment (mean score, −1 to 1)', shape: 'score' },
};

const signed = (n: number, text: string) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${text}`;

function formatValue(value: number | null, shape: Shape): string {
  if (value === null) return '—';
  if (shape === 'count') return value.toLocaleString('en-US');
  if (shape === 'rate') return formatPercent(value);
  if (shape === 'ms') return formatMs(value);
  return signed(value, Math.abs(value).toFixed(2));
}

/**
 * The change against the week before: relative for counts and times, percentage points for rates, the
 * difference of the mean for sentiment; explicit about a week without a figure.
 */
export function describeWeekChange(current: number | null, previous: number | null, shape: Shape): string {
  if (shape === 'score') {
    if (current === null || previous === null) return 'no comparison';
    const diff = current - previous;
    return Math.abs(diff) < 0.005 ? 'no change' : `${signed(diff, Math.abs(diff).toFixed(2))} vs last week`;
  }
  const change = computeChange(current, previous, shape === 'rate' ? 'rate' : 'count');
  switch (change.kind) {
    case 'none':
      return 'no comparison';
    case 'same':
      return 'no change';
    case 'new':
      return 'new this week';
    case 'points':
      return `${signed(change.value, `${Math.abs(change.value).toFixed(1)} pts`)} vs last week`;
    case 'relative': {
      const percent = Math.abs(change.value * 100);
      return `${signed(change.value, `${percent.toFixed(percent >= 10 ? 0 : 1)}%`)} vs last week`;
    }
  }
}

const NOTABLE_LABEL: Record<NotableKind, string> = { most_negative: 'Most negative', escalated: 'Escalated', longest: 'Longest' };

function quote(text: string | null): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return ` — “${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}”`;
}

const dayLabel = (date: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** "6 Jan 2025 – 12 Jan 2025": the seven local days covered. */
export function weekLabel(weekStart: string): string {
  return `${dayLabel(weekStart)} – ${dayLabel(addDays(weekStart, 6))}`;
}

export type DigestLinks = { origin: string; unsubscribeUrl: string | null };

export function digestMail(digest: Digest, links: DigestLinks): MailContent {
  const { workspace, week } = digest;
  const origin = links.origin.replace(/\/$/, '');
  const label = weekLabel(week.weekStart);
  const kpiRows: MailRow[] = digest.kpis.map((k) => {
    const view = KPI_VIEW[k.key];
    return { label: view.label, value: formatValue(k.current, view.shape), note: describeWeekChange(k.current, k.previous, view.shape) };
  });
  const goalRows: MailRow[] = digest.goals.map((g) => ({
    label: g.name,
    value: formatPercent(g.completionRate),
    note: describeWeekChange(g.completionRate, g.previous, 'rate'),
    url: `${origin}/goals`,
  }));
  const reasonRows: MailRow[] = digest.escalationReasons.map((r) => ({
    label: r.reason,
    value: `${r.conversations.toLocaleString('en-US')} conversation${r.conversations === 1 ? '' : 's'}`,
  }));
  const alertRows: MailRow[] = digest.alertFirings.map((a) => {
    const metric = a.metric as AlertMetric;
    const compare = a.compare === 'change' ? 'change' : 'value';
    return {
      label: a.name,
      value: formatAlertValue(metric, compare, a.value),
      note: `threshold ${formatAlertValue(metric, compare, a.threshold)}, ${formatDateTime(a.at, workspace.timezone)}`,
      url: `${origin}/alerts/${encodeURIComponent(a.rule_id)}`,
    };
  });
  const transcriptRows: MailRow[] = digest.transcripts.map((t) => ({
    label: `${NOTABLE_LABEL[t.kind]}: ${t.avatarName}, ${formatDateTime(t.startedAt, workspace.timezone)}${quote(t.firstUserMessage)}`,
    value: t.kind === 'most_negative' ? `score ${formatValue(t.sentimentScore, 'score')}` : t.kind === 'longest' ? formatDuration(t.durationSeconds) : 'escalated',
    url: `${origin}/transcripts/${encodeURIComponent(t.id)}`,
  }));
  return {
    subject: `${workspace.name}: your Confab week, ${label}`,
    heading: `${workspace.name}: your week in Confab`,
    paragraphs: [`The week of ${label} (${workspace.timezone}), compared with the week before.`],
    sections: [
      { title: 'Key figures', rows: kpiRows },
      { title: 'Goals', rows: goalRows, empty: 'This workspace has no goals yet.' },
      { title: 'Top escalation reasons', rows: reasonRows, empty: 'No conversation was escalated this week.' },
      { title: 'Alerts fired', rows: alertRows, empty: 'No alert fired this week.' },
      { title: 'Transcripts to read', rows: transcriptRows, empty: 'No conversations this week.' },
    ],
    action: { label: 'Open the Overview', url: `${origin}/overview?start=${week.weekStart}&end=${addDays(week.weekStart, 6)}` },
    footer: 'You receive this weekly digest as a member of the workspace. Change it in Settings › Notifications.',
    ...(links.unsubscribeUrl ? { footerLink: { label: 'Unsubscribe', url: links.unsubscribeUrl } } : {}),
  };
}
