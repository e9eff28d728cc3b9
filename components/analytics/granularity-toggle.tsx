'use client';

import type { Granularity } from '@/lib/analytics/types';
import { granularityOptions, type DashboardFilters } from './filters';
import { useFilterNavigation } from './use-filter-navigation';

const LABELS: Record<Granularity, string> = { hour: 'Hour', day: 'Day', week: 'Week', month: 'Month' };

/** Day/week/month (and hour, for short ranges) for the over-time chart; kept in `?groupBy=`. */
export function GranularityToggle({ filters: current }: { filters: DashboardFilters }) {
  const { filters, go, pending } = useFilterNavigation(current);
  return (
    <div role="group" aria-label="Group by" aria-busy={pending} className="inline-flex rounded-md bg-gray-100 p-0.5">
      {granularityOptions(filters).map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={filters.groupBy === option}
          onClick={() => go({ groupBy: option })}
          className={`rounded px-2.5 py-1 text-xs font-medium ${filters.groupBy === option ? 'bg-white text-gray-900 shadow-sm' : 'text-gray-600 hover:text-gray-900'}`}
        >
          {LABELS[option]}
        </button>
      ))}
    </div>
  );
}
