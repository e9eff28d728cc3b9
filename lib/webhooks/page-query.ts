/**
 * The delivery log's URL state: a status filter, the page's cursor, and the cursors of the pages before it
 * (the API pages forward only, so Previous walks back along this trail).
 */
import { z } from 'zod';
import type { QueryParams } from '@/lib/http/query';
import { DELIVERY_STATUSES } from './service';

export const DELIVERY_FILTERS = ['all', ...DELIVERY_STATUSES] as const;
export type DeliveryFilter = (typeof DELIVERY_FILTERS)[number];
/** Deeper than this, Previous forgets the oldest pages (and goes back to the first). */
const MAX_TRAIL = 50;

// Cursors are base64url, so a dot never occurs in one; the first page is the empty cursor.
const cursor = z.string().max(500).regex(/^[A-Za-z0-9_-]*$/);
const pageQuerySchema = z.object({
  status: z.enum(DELIVERY_FILTERS).catch('all'),
  cursor: cursor.optional().catch(undefined),
  trail: z.string().max(MAX_TRAIL * 501).optional().catch(undefined),
});

export type DeliveryPageQuery = { status: DeliveryFilter; cursor: string | null; trail: string[] };

/** The first value of a parameter, when PostgreSQL text could hold it (other parameters are never read). */
function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && !first.includes('\u0000') && first.isWellFormed() ? first : undefined;
}

export function parseDeliveryPageQuery(params: Partial<QueryParams>): DeliveryPageQuery {
  const parsed = pageQuerySchema.parse({ status: single(params.status), cursor: single(params.cursor), trail: single(params.trail) });
  const trail = (parsed.trail === undefined ? [] : parsed.trail.split('.')).filter((c) => cursor.safeParse(c).success).slice(-MAX_TRAIL);
  return { status: parsed.status, cursor: parsed.cursor || null, trail: parsed.cursor ? trail : [] };
}

/** The query string of a delivery-log page. */
export function deliveryPageHref(base: string, q: DeliveryPageQuery): string {
  const params = new URLSearchParams();
  if (q.status !== 'all') params.set('status', q.status);
  if (q.cursor) {
    params.set('cursor', q.cursor);
    params.set('trail', q.trail.join('.'));
  }
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

/** The page after this one (this cursor joins the trail) and the one before it (the trail's last cursor). */
export function nextPage(q: DeliveryPageQuery, nextCursor: string): DeliveryPageQuery {
  return { ...q, cursor: nextCursor, trail: [...q.trail, q.cursor ?? ''].slice(-MAX_TRAIL) };
}
export function previousPage(q: DeliveryPageQuery): DeliveryPageQuery | null {
  if (!q.cursor) return null;
  return { ...q, cursor: q.trail.at(-1) || null, trail: q.trail.slice(0, -1) };
}
