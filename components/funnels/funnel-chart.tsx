/**
 * A horizontal bar funnel: one bar per step, as wide as its share of the first step, over a pale bar of the
 * step before, so the drop-off shows as the gap. Each step is a list item that states its figures in words.
 */
import { ArrowDown } from 'lucide-react';
import type { FunnelStepResult } from '@/lib/funnels/report';
import { formatPercent } from '@/lib/format';

const exact = (n: number) => n.toLocaleString('en');
const plural = (n: number, word: string) => `${exact(n)} ${word}${n === 1 ? '' : 's'}`;

function Bar({ share, previousShare }: { share: number; previousShare: number }) {
  return (
    <div className="relative h-9 overflow-hidden rounded-md bg-gray-50" aria-hidden="true">
      <div className="absolute inset-y-0 left-0 rounded-md bg-indigo-100" style={{ width: `${previousShare * 100}%` }} />
      <div className="absolute inset-y-0 left-0 rounded-md bg-indigo-500" style={{ width: `${Math.max(share > 0 ? 0.5 : 0, share * 100)}%` }} />
    </div>
  );
}

export function FunnelChart({ steps }: { steps: FunnelStepResult[] }) {
  const first = steps[0]?.conversations ?? 0;
  const shareOf = (n: number) => (first > 0 ? n / first : 0);
  return (
    <ol aria-label="Funnel steps" className="space-y-1">
      {steps.map((step, i) => (
        <li key={step.index} aria-label={`Step ${i + 1}: ${step.label}`}>
          {i > 0 ? (
            <p className="flex items-center gap-2 py-1.5 pl-11 text-xs text-gray-500">
              <ArrowDown className="h-3.5 w-3.5 text-gray-400" aria-hidden="true" />
              {step.conversionFromPrevious === null ? (
                <span>no conversation reached the step before</span>
              ) : (
                <>
                  <span>
                    <span className="font-medium text-gray-700">{formatPercent(step.conversionFromPrevious)}</span> continued
                  </span>
                  <span aria-hidden="true">·</span>
                  <span className={step.dropOff ? 'font-medium text-rose-600' : ''}>{plural(step.dropOff ?? 0, 'conversation')} dropped off</span>
                </>
              )}
            </p>
          ) : null}
          <div className="grid grid-cols-[2rem_minmax(8rem,16rem)_minmax(0,1fr)_8.5rem] items-center gap-3">
            <span className="flex h-7 w-7 items-center justify-center rounded-full bg-indigo-50 text-xs font-semibold text-indigo-700" aria-hidden="true">
              {i + 1}
            </span>
            <span className="truncate text-sm font-medium text-gray-900" title={step.label}>
              {step.label}
            </span>
            <Bar share={shareOf(step.conversations)} previousShare={i > 0 ? shareOf(steps[i - 1].conversations) : shareOf(step.conversations)} />
            <span className="text-right">
              <span className="block text-sm font-semibold tabular-nums text-gray-900" data-testid="step-conversations">
                {exact(step.conversations)}
              </span>
              <span className="block text-xs tabular-nums text-gray-500">{i === 0 ? 'conversations' : `${formatPercent(step.conversionFromStart)} of step 1`}</span>
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The headline figures above the chart: overall conversion and where most conversations are lost. */
export function FunnelSummary({ steps }: { steps: FunnelStepResult[] }) {
  const first = steps[0];
  const last = steps[steps.length - 1];
  const worst = steps.slice(1).reduce<FunnelStepResult | null>((a, s) => ((s.dropOff ?? 0) > (a?.dropOff ?? 0) ? s : a), null);
  const items: [string, string, string][] = [
    ['Reached step 1', exact(first.conversations), 'conversations in this range'],
    ['Completed the funnel', exact(last.conversations), `${formatPercent(last.conversionFromStart)} of step 1`],
    worst
      ? ['Biggest drop-off', exact(worst.dropOff ?? 0), `before step ${worst.index + 1} · ${formatPercent(1 - (worst.conversionFromPrevious ?? 1))} lost`]
      : ['Biggest drop-off', '—', 'no conversation dropped off'],
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      {items.map(([term, value, detail]) => (
        <div key={term} className="rounded-lg bg-gray-50 px-4 py-3">
          <dt className="text-xs font-medium text-gray-500">{term}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums text-gray-900">{value}</dd>
          <dd className="mt-0.5 truncate text-xs text-gray-500" title={detail}>
            {detail}
          </dd>
        </div>
      ))}
    </dl>
  );
}
