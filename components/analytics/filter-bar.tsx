'use client';

import { useId, useState } from 'react';
import { AvatarOptions } from '@/components/ui/avatar-options';
import { customRangeProblem, PERIODS, type DashboardFilters, type Period } from './filters';
import { useFilterNavigation } from './use-filter-navigation';

const PERIOD_LABELS: Record<Period, string> = { '24h': '24 hours', '7d': '7 days', '30d': '30 days', '90d': '90 days' };

type Avatar = { id: string; name: string };
/** `query`: the avatar is `?avatarId=` of this page; `path`: each avatar has its own page under /avatars. */
type AvatarMode = 'query' | 'path' | 'none';

const segment = (active: boolean) =>
  `px-3 py-1.5 text-sm font-medium first:rounded-l-md last:rounded-r-md focus-visible:z-10 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 ${
    active ? 'bg-indigo-600 text-white' : 'bg-white text-gray-700 hover:bg-gray-50'
  }`;

export function FilterBar({ filters: current, avatars, avatarMode, rangeLabel }: { filters: DashboardFilters; avatars: Avatar[]; avatarMode: AvatarMode; rangeLabel: string }) {
  const { filters, go, pending } = useFilterNavigation(current);
  const id = useId();
  const isCustom = filters.period === null;
  const [customOpen, setCustomOpen] = useState(isCustom);
  const [start, setStart] = useState(filters.start ?? '');
  const [end, setEnd] = useState(filters.end ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  // Back/Forward or a shared link bring new filters: re-seed the custom range inputs from them.
  const [seen, setSeen] = useState(current);
  if (seen !== current) {
    setSeen(current);
    setStart(current.start ?? '');
    setEnd(current.end ?? '');
    setCustomOpen(current.period === null);
    setProblem(null);
  }

  function applyCustom(event: React.FormEvent) {
    event.preventDefault();
    const why = customRangeProblem(start, end);
    setProblem(why);
    if (!why) go({ period: null, start, end });
  }

  function chooseAvatar(id: string) {
    if (avatarMode === 'query') go({ avatarId: id || null });
    else go({ avatarId: null }, id ? `/avatars/${encodeURIComponent(id)}` : '/overview');
  }

  return (
    <div className="flex flex-wrap items-center gap-3" aria-busy={pending}>
      <div role="group" aria-label="Date range" className="inline-flex divide-x divide-gray-300 rounded-md shadow-sm ring-1 ring-inset ring-gray-300">
        {PERIODS.map((period) => (
          <button key={period} type="button" aria-pressed={filters.period === period} className={segment(filters.period === period)} onClick={() => { setCustomOpen(false); go({ period, start: null, end: null }); }}>
            {PERIOD_LABELS[period]}
          </button>
        ))}
        <button type="button" aria-pressed={isCustom} aria-expanded={customOpen} className={segment(isCustom)} onClick={() => setCustomOpen((open) => !open)}>
          Custom
        </button>
      </div>
      {customOpen ? (
        <form onSubmit={applyCustom} noValidate className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-from`} className="text-sm text-gray-600">
            From
          </label>
          <input id={`${id}-from`} type="date" value={start} max={end || undefined} onChange={(e) => setStart(e.target.value)} className="rounded-md border-0 bg-white px-2 py-1.5 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600" />
          <label htmlFor={`${id}-to`} className="text-sm text-gray-600">
            To
          </label>
          <input id={`${id}-to`} type="date" value={end} min={start || undefined} onChange={(e) => setEnd(e.target.value)} className="rounded-md border-0 bg-white px-2 py-1.5 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600" />
          <button type="submit" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 hover:bg-gray-50">
            Apply
          </button>
          {problem ? (
            <p role="alert" className="text-sm text-red-600">
              {problem}
            </p>
          ) : null}
        </form>
      ) : null}
      {avatarMode !== 'none' ? (
        <div className="flex items-center gap-2">
          <label htmlFor={`${id}-avatar`} className="text-sm text-gray-600">
            Avatar
          </label>
          <select
            id={`${id}-avatar`}
            value={filters.avatarId ?? ''}
            onChange={(e) => chooseAvatar(e.target.value)}
            className="max-w-[14rem] rounded-md border-0 bg-white py-1.5 pl-3 pr-8 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600"
          >
            <AvatarOptions avatars={avatars} />
          </select>
        </div>
      ) : null}
      <p className="text-sm text-gray-500" aria-live="polite">
        {pending ? 'Updating…' : rangeLabel}
      </p>
    </div>
  );
}
