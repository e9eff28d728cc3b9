'use client';

import { AreaChart, BarChart } from '@tremor/react';
import { formatNumber } from '@/lib/format';

export type ConversationsRow = { label: string; Conversations: number; 'Unique interactions': number };

const CATEGORIES = ['Conversations', 'Unique interactions'];
const COLORS = ['indigo', 'sky'];

/** Conversations per bucket; few buckets read better as bars than as an area. */
export function ConversationsChart({ rows }: { rows: ConversationsRow[] }) {
  const common = {
    className: 'h-72',
    data: rows,
    index: 'label',
    categories: CATEGORIES,
    colors: COLORS,
    valueFormatter: formatNumber,
    yAxisWidth: 44,
    allowDecimals: false,
    showAnimation: false,
  };
  return rows.length > 12 ? <AreaChart {...common} curveType="monotone" connectNulls /> : <BarChart {...common} />;
}
