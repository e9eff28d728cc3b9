'use client';

import { BarChart } from '@tremor/react';
import { formatNumber } from '@/lib/format';

/** Escalated conversations per bucket. */
export function EscalationsChart({ rows }: { rows: { label: string; Escalations: number }[] }) {
  return <BarChart className="h-48" data={rows} index="label" categories={['Escalations']} colors={['amber']} valueFormatter={formatNumber} yAxisWidth={36} allowDecimals={false} showAnimation={false} showLegend={false} />;
}
