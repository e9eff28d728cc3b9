/** Sentiment split per avatar or per source: a small stacked bar per row and the mean score. */
import Link from 'next/link';
import { formatNumber, formatPercent } from '@/lib/format';
import { EmptyWidget } from './widget-card';

export type SentimentRow = { key: string; label: string; href?: string; positive: number; neutral: number; negative: number; meanScore: number | null };

export function formatScore(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2);
}

export function scoreTone(value: number | null): string {
  if (value === null) return 'text-gray-500';
  return value >= 0.05 ? 'text-emerald-700' : value <= -0.05 ? 'text-rose-700' : 'text-gray-700';
}

export function SentimentSplitBar({ positive, neutral, negative }: { positive: number; neutral: number; negative: number }) {
  const total = positive + neutral + negative;
  const share = (n: number) => (total ? (n / total) * 100 : 0);
  const label = total ? `${formatPercent(positive / total, 0)} positive, ${formatPercent(neutral / total, 0)} neutral, ${formatPercent(negative / total, 0)} negative` : 'No scored conversations';
  return (
    <span role="img" aria-label={label} title={label} className="flex h-2.5 w-full overflow-hidden rounded-full bg-gray-100">
      <span className="bg-emerald-500" style={{ width: `${share(positive)}%` }} />
      <span className="bg-gray-400" style={{ width: `${share(neutral)}%` }} />
      <span className="bg-rose-500" style={{ width: `${share(negative)}%` }} />
    </span>
  );
}

export function SentimentTable({ rows, nameHeader, empty }: { rows: SentimentRow[]; nameHeader: string; empty: string }) {
  const sorted = rows.map((r) => ({ ...r, total: r.positive + r.neutral + r.negative })).filter((r) => r.total > 0).sort((a, b) => b.total - a.total);
  if (sorted.length === 0) return <EmptyWidget className="h-32">{empty}</EmptyWidget>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <thead className="whitespace-nowrap text-left text-xs text-gray-500">
          <tr>
            <th scope="col" className="pb-2 pr-3 font-medium">{nameHeader}</th>
            <th scope="col" className="pb-2 pr-3 text-right font-medium">Scored</th>
            <th scope="col" className="w-2/5 pb-2 pr-3 font-medium">Positive · neutral · negative</th>
            <th scope="col" className="pb-2 pr-3 text-right font-medium">Negative</th>
            <th scope="col" className="pb-2 text-right font-medium">Mean score</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {sorted.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="max-w-[14rem] truncate py-2 pr-3 text-left font-medium text-gray-900">
                {row.href ? (
                  <Link href={row.href} className="text-indigo-700 hover:underline">
                    {row.label}
                  </Link>
                ) : (
                  row.label
                )}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums text-gray-700">{formatNumber(row.total)}</td>
              <td className="py-2 pr-3">
                <SentimentSplitBar positive={row.positive} neutral={row.neutral} negative={row.negative} />
              </td>
              <td className="py-2 pr-3 text-right tabular-nums text-gray-700">{formatPercent(row.negative / row.total, 0)}</td>
              <td className={`py-2 text-right font-medium tabular-nums ${scoreTone(row.meanScore)}`}>{formatScore(row.meanScore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
