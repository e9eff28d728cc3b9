'use client';

import { BarChart } from '@tremor/react';
import { formatNumber } from '@/lib/format';

export type DailyVolumeRow = { label: string; Messages: number; Conversations: number };

/** Daily messages next to daily conversations ("Messages & Conversations Overview"). */
export function MessagesConversationsChart({ rows }: { rows: DailyVolumeRow[] }) {
  return (
    <BarChart
      className="h-72"
      data={rows}
      index="label"
      categories={['Messages', 'Conversations']}
      colors={['sky', 'indigo']}
      valueFormatter={formatNumber}
      yAxisWidth={44}
      allowDecimals={false}
      showAnimation={false}
    />
  );
}
