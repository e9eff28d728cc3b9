/**
 * The back-test drawn: the series each check held against the threshold, the threshold as a dashed line,
 * and the intervals the rule would have been firing shaded. Plain SVG (scales to its box); each check has
 * a hover title with its time and value.
 */
import { formatAlertValue } from '@/lib/alerts/format';
import type { AlertFiring } from '@/lib/alerts/preview';
import type { AlertMetric } from '@/lib/alerts/metric-names';

type Props = {
  series: { at: string; value: number | null }[];
  threshold: number;
  firings: AlertFiring[];
  metric: AlertMetric;
  compare: 'value' | 'change';
  height?: number;
};

const W = 960;
const PAD = { left: 64, right: 12, top: 12, bottom: 28 };

const shortDate = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export function PreviewChart({ series, threshold, firings, metric, compare, height = 220 }: Props) {
  const values = series.map((p) => p.value).filter((v): v is number => v !== null);
  let lo = Math.min(0, threshold, ...values);
  let hi = Math.max(threshold, ...values);
  if (hi === lo) hi = lo + 1;
  const span = hi - lo;
  hi += span * 0.08;
  if (lo < 0) lo -= span * 0.08;
  const plotW = W - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const n = Math.max(1, series.length - 1);
  const x = (i: number) => PAD.left + (i / n) * plotW;
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * plotH;
  const index = new Map(series.map((p, i) => [p.at, i]));

  let d = '';
  let pen = false;
  series.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
    pen = true;
  });

  const label = (v: number) => formatAlertValue(metric, compare, v);
  return (
    <svg viewBox={`0 0 ${W} ${height}`} className="h-auto w-full" role="img" aria-label={`The metric over ${series.length} hourly checks against the threshold ${label(threshold)}; shaded: when the rule would have fired`}>
      {firings.map((f) => {
        const a = index.get(f.firedAt) ?? 0;
        const b = f.resolvedAt ? (index.get(f.resolvedAt) ?? series.length - 1) : series.length - 1;
        return <rect key={f.firedAt} x={x(a)} y={PAD.top} width={Math.max(2, x(b) - x(a))} height={plotH} className="fill-red-500/15" data-testid="firing-interval" />;
      })}
      {[lo, (lo + hi) / 2, hi].map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="stroke-gray-200" strokeWidth={1} />
          <text x={PAD.left - 8} y={y(v) + 4} textAnchor="end" className="fill-gray-500 text-[11px]">
            {label(v)}
          </text>
        </g>
      ))}
      <line x1={PAD.left} x2={W - PAD.right} y1={y(threshold)} y2={y(threshold)} className="stroke-red-500" strokeWidth={1.5} strokeDasharray="6 4" />
      <text x={W - PAD.right} y={y(threshold) - 5} textAnchor="end" className="fill-red-600 text-[11px] font-medium">
        threshold {label(threshold)}
      </text>
      <path d={d} fill="none" className="stroke-indigo-600" strokeWidth={1.75} strokeLinejoin="round" />
      {series.map((p, i) => (
        <rect key={p.at} x={x(i) - plotW / n / 2} y={PAD.top} width={plotW / n} height={plotH} fill="transparent">
          <title>{`${new Date(p.at).toISOString().slice(0, 16).replace('T', ' ')} UTC: ${p.value === null ? 'no data' : label(p.value)}`}</title>
        </rect>
      ))}
      {series.length > 0 ? (
        <>
          <text x={PAD.left} y={height - 8} className="fill-gray-500 text-[11px]">
            {shortDate(series[0].at)}
          </text>
          <text x={W - PAD.right} y={height - 8} textAnchor="end" className="fill-gray-500 text-[11px]">
            {shortDate(series[series.length - 1].at)}
          </text>
        </>
      ) : null}
    </svg>
  );
}

/** A rule's last checks as a small line, for the rule list. */
export function Sparkline({ points, threshold, label }: { points: { at: string; value: number | null }[]; threshold: number; label: string }) {
  const w = 120;
  const h = 28;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length < 2) return <span className="text-xs text-gray-400">{values.length ? '1 check' : 'No checks yet'}</span>;
  const lo = Math.min(threshold, ...values);
  const hi = Math.max(threshold, ...values);
  const range = hi - lo || 1;
  const x = (i: number) => (i / (points.length - 1)) * (w - 2) + 1;
  const y = (v: number) => h - 2 - ((v - lo) / range) * (h - 4);
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
    pen = true;
  });
  return (
    <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label}>
      <line x1={0} x2={w} y1={y(threshold)} y2={y(threshold)} className="stroke-red-400" strokeDasharray="3 2" strokeWidth={1} />
      <path d={d} fill="none" className="stroke-indigo-600" strokeWidth={1.5} />
    </svg>
  );
}
