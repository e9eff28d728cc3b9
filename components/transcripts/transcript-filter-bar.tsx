'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { AvatarOptions } from '@/components/ui/avatar-options';
import { filtersToSearchParams, type TranscriptFilters } from '@/lib/transcripts/filters';

type Avatar = { id: string; name: string };
type Key = 'period' | 'avatarId' | 'status' | 'sentiment' | 'escalated' | 'goal' | 'device';
type Option = [value: string, label: string];

const SELECTS: { key: Key; label: string; any: string; options: Option[] }[] = [
  { key: 'period', label: 'Date range', any: 'All time', options: [['24h', 'Last 24 hours'], ['7d', 'Last 7 days'], ['30d', 'Last 30 days'], ['90d', 'Last 90 days']] },
  { key: 'status', label: 'Status', any: 'Any status', options: [['active', 'Active'], ['ended', 'Ended']] },
  { key: 'sentiment', label: 'Sentiment', any: 'Any sentiment', options: [['positive', 'Positive'], ['neutral', 'Neutral'], ['negative', 'Negative']] },
  { key: 'escalated', label: 'Escalation', any: 'Escalated or not', options: [['true', 'Escalated'], ['false', 'Not escalated']] },
  { key: 'goal', label: 'Goal', any: 'Any goal outcome', options: [['reached', 'Goal reached'], ['none', 'No goal reached']] },
  { key: 'device', label: 'Device', any: 'Any device', options: [['desktop', 'Desktop'], ['tablet', 'Tablet'], ['mobile', 'Mobile']] },
];

/** Filters that arrive by link (from a dashboard figure) and have no control here: shown as removable chips. */
const LINKED: { key: 'country' | 'escalationReason' | 'source' | 'language' | 'customerId'; label: string }[] = [
  { key: 'country', label: 'Country' },
  { key: 'escalationReason', label: 'Escalation reason' },
  { key: 'source', label: 'Source' },
  { key: 'language', label: 'Language' },
  { key: 'customerId', label: 'Customer' },
];

const control = 'rounded-md border-0 bg-white py-1.5 pl-3 pr-8 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600';

/** Writes the transcript filters to the URL; the server page reads them back. Any change starts again at page one. */
export function TranscriptFilterBar({ filters, avatars }: { filters: TranscriptFilters; avatars: Avatar[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(filters.q ?? '');
  const [start, setStart] = useState(filters.start ?? '');
  const [end, setEnd] = useState(filters.end ?? '');

  function go(next: Partial<Record<keyof TranscriptFilters, string | undefined>>) {
    const merged = { ...filters, ...next } as TranscriptFilters;
    const query = filtersToSearchParams(merged).toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  const valueOf = (key: Key) => (filters[key] === undefined ? '' : String(filters[key]));
  const selects = [...SELECTS];
  if (filters.goal && filters.goal !== 'reached' && filters.goal !== 'none') {
    selects[4] = { ...selects[4], options: [...selects[4].options, [filters.goal, `Goal ${filters.goal}`]] };
  }

  return (
    <div className="space-y-3 border-b border-gray-200 bg-white px-8 py-4" aria-busy={pending}>
      <form
        role="search"
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: q.trim() || undefined });
        }}
      >
        <label htmlFor="transcript-search" className="sr-only">Search messages</label>
        <input id="transcript-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search message text…" className={`${control} w-72 pr-3`} />
        <button type="submit" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 hover:bg-gray-50">Search</button>
        <span className="mx-2 h-5 w-px bg-gray-200" aria-hidden />
        <label className="flex items-center gap-1.5 text-sm text-gray-600">
          From
          <input type="date" aria-label="From date" value={start} onChange={(e) => setStart(e.target.value)} className={`${control} pr-2`} />
        </label>
        <label className="flex items-center gap-1.5 text-sm text-gray-600">
          To
          <input type="date" aria-label="To date" value={end} min={start || undefined} onChange={(e) => setEnd(e.target.value)} className={`${control} pr-2`} />
        </label>
        <button type="button" onClick={() => go({ start: start || undefined, end: end || undefined, period: undefined })} className="rounded-md px-2 py-1.5 text-sm font-medium text-indigo-600 hover:bg-indigo-50">
          Apply dates
        </button>
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="filter-avatar">Avatar</label>
        <select id="filter-avatar" value={filters.avatarId ?? ''} onChange={(e) => go({ avatarId: e.target.value || undefined })} className={control}>
          <AvatarOptions avatars={avatars} />
        </select>
        {selects.map((s) => (
          <span key={s.key}>
            <label className="sr-only" htmlFor={`filter-${s.key}`}>{s.label}</label>
            <select
              id={`filter-${s.key}`}
              value={valueOf(s.key)}
              onChange={(e) => go(s.key === 'period' ? { period: e.target.value || undefined, start: undefined, end: undefined } : { [s.key]: e.target.value || undefined })}
              className={control}
            >
              <option value="">{s.key === 'period' && filters.start ? 'Custom dates' : s.any}</option>
              {s.options.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </span>
        ))}
        <button type="button" onClick={() => { setQ(''); setStart(''); setEnd(''); startTransition(() => router.replace(pathname, { scroll: false })); }} className="rounded-md px-2 py-1.5 text-sm font-medium text-gray-600 hover:bg-gray-100">
          Clear filters
        </button>
        {LINKED.filter((l) => filters[l.key]).map((l) => (
          <span key={l.key} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pl-3 pr-1 text-sm text-indigo-800">
            {l.label}: <span className="font-medium">{filters[l.key]}</span>
            <button type="button" onClick={() => go({ [l.key]: undefined })} aria-label={`Remove filter ${l.label}`} className="rounded-full px-1.5 text-indigo-500 hover:bg-indigo-100 hover:text-indigo-800">×</button>
          </span>
        ))}
        <span className="text-sm text-gray-500" aria-live="polite">{pending ? 'Updating…' : ''}</span>
      </div>
    </div>
  );
}
