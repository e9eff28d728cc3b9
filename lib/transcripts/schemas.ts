/** The query string of `GET /v1/conversations` and of the dashboard export: the filters plus paging and format. */
import { z } from 'zod';
import { checkRange, filterShape, type SearchParams } from './filters';

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blank = (value: unknown) => {
  const v = first(value);
  return typeof v === 'string' && v.trim() === '' ? undefined : v;
};

export const listQuerySchema = z
  .object({
    ...filterShape,
    cursor: z.preprocess(blank, z.string().max(2000).optional()),
    limit: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(50)),
    format: z.preprocess(blank, z.enum(['json', 'csv']).default('json')),
    /** CSV only: one row per conversation (default) or per message. `type` is accepted as an alias. */
    rows: z.preprocess(blank, z.enum(['conversations', 'messages']).optional()),
    type: z.preprocess(blank, z.enum(['conversations', 'messages']).optional()),
  })
  .superRefine(checkRange);

export type ListQuery = z.output<typeof listQuerySchema>;

export function searchParamsToObject(params: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(params.keys())) out[key] = params.get(key) ?? undefined;
  return out;
}

export function splitListQuery(query: ListQuery) {
  const { cursor, limit, format, rows, type, ...filters } = query;
  return { filters, cursor: cursor ?? null, limit, format, rows: rows ?? type ?? 'conversations' };
}
