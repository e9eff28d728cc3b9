/** The Overview's KPI cards, each with its change against the previous period of equal length. */
import type { FeedbackSummary, OverviewMetrics } from '@/lib/analytics/types';
import { formatDuration, formatMs, formatNumber, formatPercent } from '@/lib/format';
import { computeChange, describeChange, type Better, type ChangeKind } from './change';

type Kpi = { label: string; value: string; detail: string; current: number | null; previous: number | null; kind: ChangeKind; better: Better };

function feedbackShare(f: FeedbackSummary): number | null {
  const total = f.positive + f.negative + f.neutral;
  return total > 0 ? f.positive / total : null;
}

function feedbackKpi(current: FeedbackSummary, previous: FeedbackSummary | null): Kpi {
  const share = feedbackShare(current);
  const total = current.positive + current.negative + current.neutral;
  const rating = current.meanRating !== null ? `mean ${current.meanRating.toFixed(1)}/5` : null;
  if (share === null && current.meanRating !== null) {
    const detail = `mean rating of ${formatNumber(current.ratingCount)}`;
    return { label: 'Feedback', value: `${current.meanRating.toFixed(1)} / 5`, detail, current: current.meanRating, previous: previous?.meanRating ?? null, kind: 'count', better: 'up' };
  }
  const detail = total > 0 ? [`positive, ${formatNumber(current.positive)} of ${formatNumber(total)}`, rating].filter(Boolean).join(' · ') : 'no feedback in this range';
  return { label: 'Feedback', value: formatPercent(share, 0), detail, current: share, previous: previous ? feedbackShare(previous) : null, kind: 'rate', better: 'up' };
}

export function buildKpis(current: OverviewMetrics, previous: OverviewMetrics | null): Kpi[] {
  const p = previous;
  const perConversation = current.conversations > 0 ? current.tokenUsage / current.conversations : null;
  const interactedShare = current.conversations > 0 ? current.uniqueInteractions / current.conversations : null;
  return [
    { label: 'Conversations', value: formatNumber(current.conversations), detail: 'started in this range', current: current.conversations, previous: p?.conversations ?? null, kind: 'count', better: 'up' },
    { label: 'Unique interactions', value: formatNumber(current.uniqueInteractions), detail: interactedShare !== null ? `${formatPercent(interactedShare, 0)} of conversations` : 'conversations with engagement', current: current.uniqueInteractions, previous: p?.uniqueInteractions ?? null, kind: 'count', better: 'up' },
    { label: 'Messages', value: formatNumber(current.messages), detail: `${formatNumber(current.userMessages)} user · ${formatNumber(current.assistantMessages)} assistant`, current: current.messages, previous: p?.messages ?? null, kind: 'count', better: 'up' },
    { label: 'Average duration', value: formatDuration(current.avgDuration), detail: 'of ended conversations', current: current.avgDuration, previous: p?.avgDuration ?? null, kind: 'count', better: 'neither' },
    { label: 'Completion rate', value: formatPercent(current.completionRate), detail: 'reached a goal', current: current.completionRate, previous: p?.completionRate ?? null, kind: 'rate', better: 'up' },
    { label: 'Avg. response time', value: formatMs(current.avgResponseTime), detail: 'reply after a user message', current: current.avgResponseTime, previous: p?.avgResponseTime ?? null, kind: 'count', better: 'down' },
    { label: 'Unique users', value: formatNumber(current.uniqueUsers), detail: 'distinct customer ids', current: current.uniqueUsers, previous: p?.uniqueUsers ?? null, kind: 'count', better: 'up' },
    { label: 'Escalation rate', value: formatPercent(current.escalationRate), detail: 'handed over to a human', current: current.escalationRate, previous: p?.escalationRate ?? null, kind: 'rate', better: 'down' },
    { label: 'Token usage', value: formatNumber(current.tokenUsage), detail: perConversation !== null ? `${formatNumber(Math.round(perConversation))} per conversation` : 'prompt + completion', current: current.tokenUsage, previous: p?.tokenUsage ?? null, kind: 'count', better: 'neither' },
    feedbackKpi(current.feedback, p?.feedback ?? null),
  ];
}

const TONES = { good: 'bg-emerald-50 text-emerald-700', bad: 'bg-red-50 text-red-700', neutral: 'bg-gray-100 text-gray-600' };

/** `comparedTo` names the previous period, e.g. "the previous 30 days (24 Sep – 23 Oct)". */
export function KpiGrid({ current, previous, comparedTo }: { current: OverviewMetrics; previous: OverviewMetrics | null; comparedTo: string }) {
  return (
    <div>
      <p className="mb-2 text-xs text-gray-500">Changes compare with {comparedTo}.</p>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5">
        {buildKpis(current, previous).map((kpi) => {
          const change = describeChange(computeChange(kpi.current, kpi.previous, kpi.kind), kpi.better);
          return (
            <section key={kpi.label} aria-label={kpi.label} className="min-w-0 rounded-xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
              <p className="truncate text-xs font-medium text-gray-500">{kpi.label}</p>
              <div className="mt-1 flex flex-wrap items-baseline justify-between gap-x-2 gap-y-1">
                <p className="truncate text-2xl font-semibold tracking-tight text-gray-900" data-testid="kpi-value">
                  {kpi.value}
                </p>
                <p className={`shrink-0 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${TONES[change.tone]}`} title={`${change.spoken} (${comparedTo})`}>
                  <span aria-hidden="true">{change.arrow ? `${change.arrow} ` : ''}{change.text}</span>
                  <span className="sr-only">{change.spoken}</span>
                </p>
              </div>
              <p className="mt-1.5 truncate text-xs text-gray-500" title={kpi.detail}>
                {kpi.detail}
              </p>
            </section>
          );
        })}
      </div>
    </div>
  );
}
