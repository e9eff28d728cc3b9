'use client';

import { DonutChart } from '@tremor/react';
import { formatNumber, formatPercent } from '@/lib/format';

export type DonutSlice = { name: string; value: number };

// Tremor fills slices with the 500 shade of each colour; the legend dots use the same classes.
const COLORS = ['indigo', 'sky', 'violet', 'amber', 'emerald', 'rose', 'gray'] as const;
const DOTS: Record<(typeof COLORS)[number], string> = {
  indigo: 'bg-indigo-500',
  sky: 'bg-sky-500',
  violet: 'bg-violet-500',
  amber: 'bg-amber-500',
  emerald: 'bg-emerald-500',
  rose: 'bg-rose-500',
  gray: 'bg-gray-500',
};

/** A donut with a legend that lists each slice's count and share. */
export function DonutBreakdown({ slices, label }: { slices: DonutSlice[]; label: string }) {
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  const colors = slices.map((_, i) => COLORS[i % COLORS.length]);
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-5">
      <DonutChart
        className="h-40 w-40 shrink-0"
        data={slices}
        index="name"
        category="value"
        colors={[...colors]}
        valueFormatter={formatNumber}
        label={formatNumber(total)}
        showAnimation={false}
      />
      <ul className="w-full min-w-0 space-y-1.5 text-sm" aria-label={`${label} by share`}>
        {slices.map((slice, i) => (
          <li key={slice.name} className="flex items-center gap-2">
            <span className={`h-2.5 w-2.5 shrink-0 rounded-full ${DOTS[colors[i]]}`} aria-hidden="true" />
            <span className="min-w-0 flex-1 truncate text-gray-700">{slice.name}</span>
            <span className="font-medium tabular-nums text-gray-900">{formatNumber(slice.value)}</span>
            <span className="w-12 text-right tabular-nums text-gray-500">{formatPercent(total ? slice.value / total : 0, 0)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
