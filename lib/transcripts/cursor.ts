/**
 * Keyset cursors: the sort key of the last row seen (as Postgres prints it, so it casts back exactly) and
 * its id, plus the sort it belongs to. Opaque base64url to clients; a tampered cursor is a 422.
 */
import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { identifier } from '@/lib/ingest/parse/schema-primitives';
import { SORTS, type TranscriptSort } from './filters';

export type Cursor = { key: string; id: string; sort: TranscriptSort; order: 'asc' | 'desc'; direction: 'next' | 'prev' };

const cursorSchema = z.object({
  k: z.string().max(100),
  i: identifier,
  s: z.enum(SORTS),
  o: z.enum(['asc', 'desc']),
  d: z.enum(['next', 'prev']),
});

export function encodeCursor(c: Cursor): string {
  const payload = { k: c.key, i: c.id, s: c.sort, o: c.order, d: c.direction };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

const invalidCursor = (message: string) => new ApiError(422, 'validation_error', 'Invalid request', [{ path: 'cursor', message }]);

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(?::?\d{2}){0,2})?$/;

function isTimestamp(key: string): boolean {
  const m = TIMESTAMP.exec(key);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h <= 23 && mi <= 59 && s <= 59;
}

/** A finite float8 literal whose magnitude neither overflows nor underflows the type. */
function isFloat8(key: string): boolean {
  if (key.length > 40 || !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(key)) return false;
  const magnitude = Math.abs(Number(key));
  return magnitude === 0 ? !/e/i.test(key) : magnitude >= 1e-300 && magnitude <= 1e300;
}

/**
 * The sort key must cast to the sort's SQL type (timestamptz, numeric, int, float8) without error, so a
 * forged cursor is a 422 here rather than a failed query.
 */
const KEY_CHECKS: Record<TranscriptSort, (key: string) => boolean> = {
  startedAt: isTimestamp,
  duration: (key) => /^-?\d{1,15}(\.\d{1,20})?$/.test(key),
  messages: (key) => /^\d{1,10}$/.test(key) && Number(key) <= 2_147_483_647,
  sentiment: (key) => key === 'NaN' || key === 'Infinity' || key === '-Infinity' || isFloat8(key),
};

/** The cursor, checked against the sort it is used with (a cursor from another sort would skip rows). */
export function decodeCursorOrThrow(raw: string, sort: TranscriptSort, order: 'asc' | 'desc'): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('Not a cursor returned by this API');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw invalidCursor('Not a cursor returned by this API');
  const c = result.data;
  if (c.s !== sort || c.o !== order) throw invalidCursor('This cursor belongs to a different sort; start again without it');
  if (!KEY_CHECKS[c.s](c.k)) throw invalidCursor('Not a cursor returned by this API');
  return { key: c.k, id: c.i, sort: c.s, order: c.o, direction: c.d };
}
