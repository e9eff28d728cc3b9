/**
 * Settings › Audit log's URL: actor, action, date range and cursor. A link with anything unusable in it shows
 * a notice and the unfiltered log rather than failing the page.
 */
import { z } from 'zod';
import type { AuditCursor, AuditLogFilters } from '@/db/queries/audit-log-page';

export type SearchParams = Record<string, string | string[] | undefined>;
export type AuditLogPageQuery = { filters: AuditLogFilters; cursor: AuditCursor | null; notice: string | null };

export const NO_FILTERS: AuditLogFilters = { actor: null, action: null, from: null, to: null };
export const INVALID_FILTERS_NOTICE = 'Some filters in this link were not valid, so the whole log is shown.';
export const INVALID_CURSOR_NOTICE = 'This page link is out of date or was changed, so the newest entries are shown.';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);
const isoDay = z.iso.date().refine((d) => d >= '1970-01-01' && d <= '9999-12-31', 'Out of range');

const filtersSchema = z
  .object({
    actor: z.preprocess(blankIsAbsent, z.string().regex(new RegExp(`^(user|key):${UUID}$`, 'i')).optional()),
    action: z.preprocess(blankIsAbsent, z.string().max(100).regex(/^[a-z0-9_.:-]+$/i).optional()),
    from: z.preprocess(blankIsAbsent, isoDay.optional()),
    to: z.preprocess(blankIsAbsent, isoDay.optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, 'The range must not end before it starts');

const cursorSchema = z.object({
  t: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/).refine((t) => !Number.isNaN(Date.parse(t)), 'Not a time'),
  i: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export const encodeAuditCursor = (c: AuditCursor) => Buffer.from(JSON.stringify({ t: c.at, i: c.id }), 'utf8').toString('base64url');

export function decodeAuditCursor(raw: string): AuditCursor | null {
  if (raw.length > 200 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? { at: parsed.data.t, id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

const unusable = (value: string | string[] | undefined) => Array.isArray(value) || (value ?? '').includes('\u0000') || !(value ?? '').isWellFormed();

export function parseAuditLogPageQuery(params: SearchParams): AuditLogPageQuery {
  const known = { actor: params.actor, action: params.action, from: params.from, to: params.to };
  const parsed = Object.values(params).some(unusable) ? null : filtersSchema.safeParse(known);
  if (!parsed?.success) return { filters: NO_FILTERS, cursor: null, notice: INVALID_FILTERS_NOTICE };
  const { actor, action, from, to } = parsed.data;
  const [type, id] = actor ? (actor.toLowerCase().split(':') as ['user' | 'key', string]) : [];
  const filters: AuditLogFilters = { actor: type && id ? { type, id } : null, action: action ?? null, from: from ?? null, to: to ?? null };
  const raw = typeof params.cursor === 'string' ? params.cursor : '';
  if (!raw) return { filters, cursor: null, notice: null };
  const cursor = decodeAuditCursor(raw);
  return { filters, cursor, notice: cursor ? null : INVALID_CURSOR_NOTICE };
}

/** The query string of these filters (and a cursor), for links; empty values are left out. */
export function auditLogQuery(filters: AuditLogFilters, cursor?: AuditCursor): string {
  const params = new URLSearchParams();
  if (filters.actor) params.set('actor', `${filters.actor.type}:${filters.actor.id}`);
  if (filters.action) params.set('action', filters.action);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (cursor) params.set('cursor', encodeAuditCursor(cursor));
  const query = params.toString();
  return query ? `?${query}` : '';
}
