/**
 * The dashboard's filters as they live in the URL (STYLE rule 6): every analytics page parses its
 * `searchParams` here on the server, and the client controls write the same names back with router.replace.
 */
import { z } from 'zod';
import type { Granularity } from '@/lib/analytics/types';

export const PERIODS = ['24h', '7d', '30d', '90d'] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = '30d';
export const GRANULARITIES = ['hour', 'day', 'week', 'month'] as const satisfies readonly Granularity[];
/** Hourly buckets only make sense for short ranges; longer ones fall back to days. */
export const HOURLY_PERIODS: readonly Period[] = ['24h', '7d'];
export const MAX_CUSTOM_DAYS = 731;

export type DashboardFilters = {
  /** null when a custom start/end range is set */
  period: Period | null;
  start: string | null;
  end: string | null;
  avatarId: string | null;
  groupBy: Granularity;
};

/** A parsed URL plus, when part of it was unusable, a sentence saying what was shown instead. */
export type ParsedFilters = { filters: DashboardFilters; notice: string | null };

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional().catch(undefined));

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isRealDate);

const searchParamsSchema = z.object({
  period: optional(z.enum(PERIODS)),
  start: optional(isoDateSchema),
  end: optional(isoDateSchema),
  avatarId: optional(z.string().trim().min(1).max(200).refine((v) => !v.includes('\u0000') && v.isWellFormed())),
  groupBy: optional(z.enum(GRANULARITIES)),
});

/** Whole days from start to end, both inclusive (`YYYY-MM-DD`). */
export function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Why a custom range cannot be used, or null when it can. */
export function customRangeProblem(start: string, end: string): string | null {
  if (!isoDateSchema.safeParse(start).success || !isoDateSchema.safeParse(end).success) return 'Enter both dates.';
  const days = daysInclusive(start, end);
  if (days < 1) return 'The end date must be on or after the start date.';
  if (days > MAX_CUSTOM_DAYS) return 'Choose a range of at most two years.';
  return null;
}

const FILTER_NAMES = Object.keys(searchParamsSchema.shape) as (keyof typeof searchParamsSchema.shape)[];

/** The filters given in the URL (blank ones are as good as absent) that could not be read. */
function droppedFilters(searchParams: SearchParams, raw: z.output<typeof searchParamsSchema>): string[] {
  return FILTER_NAMES.filter((name) => {
    const given = first(searchParams[name]);
    return typeof given === 'string' && given.trim() !== '' && raw[name] === undefined;
  });
}

export function parseDashboardFilters(searchParams: SearchParams): ParsedFilters {
  const raw = searchParamsSchema.parse(searchParams);
  const dropped = droppedFilters(searchParams, raw);
  let notice: string | null = dropped.length ? `Some filters in this link were not valid (${dropped.join(', ')}), so they are left out.` : null;
  let custom = raw.start !== undefined && raw.end !== undefined;
  if (custom && customRangeProblem(raw.start!, raw.end!)) {
    notice = `The custom range in this link is not valid (${customRangeProblem(raw.start!, raw.end!)}) — showing the last 30 days.`;
    custom = false;
  }
  const period = custom ? null : (raw.period ?? DEFAULT_PERIOD);
  const hourly = period !== null && HOURLY_PERIODS.includes(period);
  let groupBy: Granularity = raw.groupBy ?? (period === '24h' ? 'hour' : 'day');
  if (groupBy === 'hour' && !hourly) groupBy = 'day';
  return {
    filters: { period, start: custom ? raw.start! : null, end: custom ? raw.end! : null, avatarId: raw.avatarId ?? null, groupBy },
    notice,
  };
}

/** The query string for `filters`, leaving out defaults so links stay short. */
export function filtersToQuery(filters: DashboardFilters, options: { avatar?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (filters.start && filters.end) {
    params.set('start', filters.start);
    params.set('end', filters.end);
  } else if (filters.period && filters.period !== DEFAULT_PERIOD) {
    params.set('period', filters.period);
  }
  if (options.avatar !== false && filters.avatarId) params.set('avatarId', filters.avatarId);
  const defaultGroupBy = filters.period === '24h' ? 'hour' : 'day';
  if (filters.groupBy !== defaultGroupBy) params.set('groupBy', filters.groupBy);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A key that changes whenever the data behind a Suspense boundary would. */
export function filtersKey(filters: DashboardFilters, ...extra: string[]): string {
  return [filters.period ?? `${filters.start}..${filters.end}`, filters.avatarId ?? '*', ...extra].join('|');
}

export function granularityOptions(filters: DashboardFilters): Granularity[] {
  const hourly = filters.period !== null && HOURLY_PERIODS.includes(filters.period);
  return hourly ? ['hour', 'day', 'week', 'month'] : ['day', 'week', 'month'];
}

/** Drops an `avatarId` the workspace does not have, saying so, rather than charting nothing. */
export function withKnownAvatar(parsed: ParsedFilters, avatars: { id: string }[]): ParsedFilters {
  const { avatarId } = parsed.filters;
  if (!avatarId || avatars.some((a) => a.id === avatarId)) return parsed;
  return { filters: { ...parsed.filters, avatarId: null }, notice: `There is no avatar “${avatarId}” in this workspace — showing all avatars.` };
}
