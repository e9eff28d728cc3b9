'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useOptimistic, useTransition } from 'react';
import { filtersToQuery, HOURLY_PERIODS, type DashboardFilters } from './filters';

/**
 * The last filters written but not yet rendered by the server. Two quick clicks (a range, then an avatar;
 * maybe in different controls) must build on each other, not on the props of a page still loading.
 */
let inFlight: { path: string; query: string; filters: DashboardFilters; at: number } | null = null;
const STALE_MS = 15_000;

function normalise(filters: DashboardFilters, rangeChanged: boolean): DashboardFilters {
  const next = { ...filters };
  // Hour/day follow the range (24h reads best by the hour); week and month stay as chosen.
  if (rangeChanged && (next.groupBy === 'hour' || next.groupBy === 'day')) next.groupBy = next.period === '24h' ? 'hour' : 'day';
  if (next.groupBy === 'hour' && !(next.period && HOURLY_PERIODS.includes(next.period))) next.groupBy = 'day';
  return next;
}

/** Writes filters to the URL with router.replace; the server page reads them back. Shows the choice at once. */
export function useFilterNavigation(filters: DashboardFilters) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(filters);

  function go(next: Partial<DashboardFilters>, path = pathname) {
    const fresh = inFlight && inFlight.path === pathname && Date.now() - inFlight.at < STALE_MS && inFlight.query !== filtersToQuery(filters);
    const base = fresh ? inFlight!.filters : filters;
    const merged = normalise({ ...base, ...next }, 'period' in next || 'start' in next);
    const query = filtersToQuery(merged);
    inFlight = path === pathname ? { path, query, filters: merged, at: Date.now() } : null;
    startTransition(() => {
      setShown(merged);
      router.replace(`${path}${query}`, { scroll: false });
    });
  }

  return { filters: shown, go, pending };
}
