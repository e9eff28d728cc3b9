/**
 * Transcript filters as they arrive in a query string: one schema for the API, the dashboard page and the
 * export, so a link copied from the dashboard exports exactly the rows on screen.
 */
import { z } from 'zod';

export const SORTS = ['startedAt', 'duration', 'messages', 'sentiment'] as const;
export type TranscriptSort = (typeof SORTS)[number];
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const DEVICES = ['desktop', 'tablet', 'mobile'] as const;

export type SearchParams = Record<string, string | string[] | undefined>;

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
/** A blank parameter (`?q=`) means "no filter", as an emptied form field sends it. */
const blankToUndefined = (value: unknown) => {
  const v = first(value);
  return typeof v === 'string' && v.trim() === '' ? undefined : v;
};
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
/** PostgreSQL text cannot hold NUL or lone surrogates, so they are refused here rather than failing the query. */
const text = z
  .string()
  .trim()
  .max(200)
  .refine((v) => !v.includes('\0') && v.isWellFormed(), 'Must not contain NUL characters or invalid Unicode');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD').refine(isRealDate, 'Not a real date');

export const filterShape = {
  start: opt(isoDate),
  end: opt(isoDate),
  period: opt(z.string().regex(/^[1-9]\d{0,3}[hdw]$/, 'Use Nh, Nd or Nw, e.g. 30d')),
  avatarId: opt(text),
  status: opt(z.enum(['active', 'ended'])),
  escalated: opt(z.enum(['true', 'false']).transform((v) => v === 'true')),
  /** Escalated conversations whose first escalation action has this tool name, or `end_call` for the end call alone. */
  escalationReason: opt(text),
  /** `reached`, `none`, or a goal id. */
  goal: opt(text),
  sentiment: opt(z.enum(SENTIMENTS)),
  device: opt(z.enum(DEVICES)),
  source: opt(text),
  language: opt(text),
  country: opt(z.string().trim().regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code').transform((v) => v.toUpperCase())),
  customerId: opt(text),
  q: opt(text),
  sort: z.preprocess(blankToUndefined, z.enum(SORTS).default('startedAt')),
  order: z.preprocess(blankToUndefined, z.enum(['asc', 'desc']).default('desc')),
};

type RangeLike = { start?: string; end?: string; period?: string };
export function checkRange(value: RangeLike, ctx: z.RefinementCtx) {
  if (value.period && (value.start || value.end)) {
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'Give either period or start/end, not both' });
  }
  if (value.start && value.end && value.start > value.end) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must be on or after start' });
  }
}

export const transcriptFiltersSchema = z.object(filterShape).superRefine(checkRange);
export type TranscriptFilters = z.output<typeof transcriptFiltersSchema>;

export const DEFAULT_FILTERS: TranscriptFilters = { sort: 'startedAt', order: 'desc' };

const FILTER_KEYS = Object.keys(filterShape) as (keyof TranscriptFilters)[];

/** The query string for `filters`, leaving out defaults (sort by start, newest first). */
export function filtersToSearchParams(filters: TranscriptFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === null) continue;
    if (key === 'sort' && value === 'startedAt') continue;
    if (key === 'order' && value === 'desc') continue;
    params.set(key, String(value));
  }
  return params;
}

/** Whether any filter beyond sorting is set (the empty state then says "no matches" rather than "no data"). */
export function hasActiveFilter(filters: TranscriptFilters): boolean {
  return FILTER_KEYS.some((k) => k !== 'sort' && k !== 'order' && filters[k] !== undefined);
}
