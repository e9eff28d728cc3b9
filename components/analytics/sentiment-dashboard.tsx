/** The Sentiment page's body: share and mean score over time, by avatar and source, and the worst recent conversations. */
import { Suspense } from 'react';
import type { AvatarSummary } from '@/db/queries/avatars';
import type { SentimentSummary } from '@/lib/analytics/types';
import { formatNumber, formatPercent } from '@/lib/format';
import { filtersKey, filtersToQuery } from './filters';
import { formatBucket } from './format-bucket';
import { loadSentiment, type Scope } from './loaders';
import { MostNegativeList } from './most-negative-list';
import { SentimentScoreChart, SentimentShareChart } from './sentiment-charts';
import { formatScore, scoreTone, SentimentTable } from './sentiment-table';
import { KpiGridSkeleton, WidgetSkeleton } from './skeletons';
import { EmptyWidget, WidgetCard } from './widget-card';

type Props = { scope: Scope; avatars: AvatarSummary[] };

export function SentimentDashboard(props: Props) {
  const fallback = (
    <div className="space-y-6" role="status" aria-label="Loading sentiment">
      <KpiGridSkeleton />
      <div className="grid gap-6 xl:grid-cols-2">
        <WidgetSkeleton title="Share of conversations by sentiment" />
        <WidgetSkeleton title="Mean sentiment score" />
      </div>
    </div>
  );
  return (
    <Suspense key={filtersKey(props.scope.filters)} fallback={fallback}>
      <SentimentBody {...props} />
    </Suspense>
  );
}

const conversations = (n: number) => `${formatNumber(n)} conversation${n === 1 ? '' : 's'}`;

function SummaryTiles({ s }: { s: SentimentSummary }) {
  const total = s.positive + s.neutral + s.negative;
  const tiles = [
    { label: 'Positive', value: total ? formatPercent(s.positive / total, 0) : '—', detail: conversations(s.positive), tone: 'text-emerald-700' },
    { label: 'Neutral', value: total ? formatPercent(s.neutral / total, 0) : '—', detail: conversations(s.neutral), tone: 'text-gray-900' },
    { label: 'Negative', value: total ? formatPercent(s.negative / total, 0) : '—', detail: conversations(s.negative), tone: 'text-rose-700' },
    { label: 'Mean score', value: formatScore(s.meanScore), detail: 'VADER compound, −1 to +1', tone: scoreTone(s.meanScore) },
  ];
  return (
    <div className="grid grid-cols-2 gap-4 xl:grid-cols-4">
      {tiles.map((t) => (
        <section key={t.label} aria-label={t.label} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-gray-200">
          <p className="text-xs font-medium text-gray-500">{t.label}</p>
          <p className={`mt-1 text-2xl font-semibold tracking-tight ${t.tone}`}>{t.value}</p>
          <p className="mt-1 text-xs text-gray-500">{t.detail}</p>
        </section>
      ))}
    </div>
  );
}

async function SentimentBody({ scope, avatars }: Props) {
  const s = await loadSentiment(scope);
  const names = new Map(avatars.map((a) => [a.id, a.name]));
  const label = (date: string) => formatBucket(date, s.groupBy, s.timezone);
  const shareRows = s.series.map((b) => {
    const scored = b.positive + b.neutral + b.negative;
    const pct = (n: number) => (scored ? (n / scored) * 100 : 0);
    return { label: label(b.date), Positive: pct(b.positive), Neutral: pct(b.neutral), Negative: pct(b.negative) };
  });
  const scoreRows = s.series.map((b) => ({ label: label(b.date), 'Mean score': b.meanScore }));
  const hasScores = s.positive + s.neutral + s.negative > 0;
  const query = filtersToQuery({ ...scope.filters, avatarId: null });
  return (
    <div className="space-y-6">
      <SummaryTiles s={s} />
      <div className="grid gap-6 xl:grid-cols-2">
        <WidgetCard title="Share of conversations by sentiment" description={`Per ${s.groupBy}; each ${s.groupBy}'s scored conversations make 100%`}>
          {hasScores ? <SentimentShareChart rows={shareRows} /> : <EmptyWidget className="h-72">No scored conversations in this range.</EmptyWidget>}
        </WidgetCard>
        <WidgetCard title="Mean sentiment score" description={`Per ${s.groupBy}, mean of the conversations' scores (−1 to +1)`}>
          {hasScores ? <SentimentScoreChart rows={scoreRows} /> : <EmptyWidget className="h-72">No scored conversations in this range.</EmptyWidget>}
        </WidgetCard>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <WidgetCard title="Sentiment by avatar">
          <SentimentTable
            nameHeader="Avatar"
            empty="No scored conversations in this range."
            rows={s.byAvatar.map((a) => ({ ...a, key: a.id, label: a.name, href: `/avatars/${encodeURIComponent(a.id)}${query}` }))}
          />
        </WidgetCard>
        <WidgetCard title="Sentiment by source">
          <SentimentTable nameHeader="Source" empty="No scored conversations in this range." rows={s.bySource.map((r) => ({ ...r, key: r.source, label: r.source || 'Unknown' }))} />
        </WidgetCard>
      </div>
      <WidgetCard title="Most negative recent conversations" description="Lowest mean score of the user's messages; open one to read it">
        <MostNegativeList items={s.mostNegative} avatarNames={names} timezone={scope.timezone} />
      </WidgetCard>
    </div>
  );
}
