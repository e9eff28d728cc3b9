'use client';

import { BarChart, type CustomTooltipProps } from '@tremor/react';
import { formatNumber } from '@/lib/format';

/** One bucket: conversations started in it, split into those that completed the goal and the rest. */
export type GoalTrendRow = { label: string; Completed: number; 'Not completed': number };

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

function Tooltip({ active, payload, label }: CustomTooltipProps) {
  const row = payload?.[0]?.payload as GoalTrendRow | undefined;
  if (!active || !row) return null;
  const total = row.Completed + row['Not completed'];
  return (
    <div className="rounded-md bg-white px-3 py-2 text-xs shadow-md ring-1 ring-gray-200">
      <p className="font-medium text-gray-900">{String(label)}</p>
      <p className="mt-1 text-gray-700">
        <span className="font-semibold text-indigo-700">{formatNumber(row.Completed)}</span> of {formatNumber(total)} conversation{total === 1 ? '' : 's'} ·{' '}
        {percent(row.Completed, total)}
      </p>
    </div>
  );
}

/** Bars as tall as the bucket's conversations, the completing part coloured: counts and rate at a glance. */
export function GoalTrendChart({ rows }: { rows: GoalTrendRow[] }) {
  return (
    <BarChart
      className="h-56"
      data={rows}
      index="label"
      categories={['Completed', 'Not completed']}
      colors={['indigo', 'gray']}
      stack
      valueFormatter={formatNumber}
      allowDecimals={false}
      yAxisWidth={40}
      customTooltip={Tooltip}
      showAnimation={false}
    />
  );
}
