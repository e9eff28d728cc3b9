/**
 * Query strings of routes whose values reach SQL. Next re-encodes every URL before a handler sees it
 * (invalid UTF-8 such as an encoded lone surrogate arrives as U+FFFD, which is ordinary text), but NUL
 * passes through, and PostgreSQL text cannot hold it.
 */
import { z } from 'zod';

export type QueryParams = Record<string, string | string[]>;

/** `?a=1&a=2&b` as `{ a: ['1', '2'], b: '' }`: repeated names keep every value, so each one is checked. */
export function queryParams(params: URLSearchParams): QueryParams {
  const out: QueryParams = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

const storableText = z.string().refine((v) => !v.includes('\u0000') && v.isWellFormed(), 'Must not contain NUL characters or invalid Unicode');

/** Query values PostgreSQL text can hold, under any name (a NUL in an unknown parameter is still no filter). */
export const storableQuery = z.record(z.string(), z.union([storableText, z.array(storableText)]));
