'use client';

import { BarChart, LineChart } from '@tremor/react';

export type SentimentShareRow = { label: string; Positive: number; Neutral: number; Negative: number };
export type SentimentScoreRow = { label: string; 'Mean score': number | null };

const percent = (value: number) => `${value.toFixed(0)}%`;
const score = (value: number) => (value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2));

/** Each bucket's conversations split into positive/neutral/negative, as percentages stacked to 100. */
export function SentimentShareChart({ rows }: { rows: SentimentShareRow[] }) {
  return (
    <BarChart
      className="h-72"
      data={rows}
      index="label"
      categories={['Positive', 'Neutral', 'Negative']}
      colors={['emerald', 'gray', 'rose']}
      valueFormatter={percent}
      stack
      minValue={0}
      maxValue={100}
      yAxisWidth={44}
      showAnimation={false}
    />
  );
}

/** The mean VADER compound score per bucket, on its full −1…+1 scale. */
export function SentimentScoreChart({ rows }: { rows: SentimentScoreRow[] }) {
  return (
    <LineChart
      className="h-72"
      data={rows}
      index="label"
      categories={['Mean score']}
      colors={['indigo']}
      valueFormatter={score}
      minValue={-1}
      maxValue={1}
      connectNulls
      yAxisWidth={52}
      showAnimation={false}
    />
  );
}
