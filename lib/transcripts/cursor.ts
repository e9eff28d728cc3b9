/**
 * Keyset cursors: the sort key of the last row seen (as Postgres prints it, so it casts back exactly) and
 * its id, plus the sort it belongs to. Opaque base64url to clients; a tampered cursor is a 422.
 */
import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { SORTS, type TranscriptSort } from './filters';

export type Cursor = { key: string; id: string; sort: TranscriptSort; order: 'asc' | 'desc'; direction: 'next' | 'prev' };

const cursorSchema = z.object({
  k: z.string().max(100),
  i: z.string().max(500),
  s: z.enum(SORTS),
  o: z.enum(['asc', 'desc']),
  d: z.enum(['next', 'prev']),
});

export function encodeCursor(c: Cursor): string {
  const payload = { k: c.key, i: c.id, s: c.sort, o: c.order, d: c.direction };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

const invalidCursor = (message: string) => new ApiError(422, 'validation_error', 'Invalid request', [{ path: 'cursor', message }]);

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
  return { key: c.k, id: c.i, sort: c.s, order: c.o, direction: c.d };
}
