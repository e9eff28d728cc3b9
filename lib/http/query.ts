/**
 * Query strings read strictly, for routes whose values reach SQL: URLSearchParams turns a malformed escape
 * or invalid UTF-8 into U+FFFD and carries NUL through; here the first is a 400 and the second a 422.
 */
import { z } from 'zod';
import { badRequest } from '@/lib/api/errors';

export type QueryParams = Record<string, string | string[]>;

function decodeOrThrow(part: string): string {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    throw badRequest('The query string is not valid percent-encoded UTF-8');
  }
}

/** `?a=1&a=2&b` as `{ a: ['1', '2'], b: '' }`; throws a 400 for a malformed escape or invalid UTF-8. */
export function queryParamsOrThrow(search: string): QueryParams {
  const out: QueryParams = {};
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const key = decodeOrThrow(at === -1 ? pair : pair.slice(0, at));
    const value = at === -1 ? '' : decodeOrThrow(pair.slice(at + 1));
    const seen = Object.hasOwn(out, key) ? out[key] : undefined;
    out[key] = seen === undefined ? value : [seen, value].flat();
  }
  return out;
}

const storableText = z.string().refine((v) => !v.includes('\u0000') && v.isWellFormed(), 'Must not contain NUL characters or invalid Unicode');

/** Query values PostgreSQL text can hold, under any name (a NUL in an unknown parameter is still no filter). */
export const storableQuery = z.record(z.string(), z.union([storableText, z.array(storableText)]));
