/**
 * Query parameters of the /v1 analytics endpoints (one zod schema per endpoint). The range parameters are
 * checked further by resolveRange, which answers 422 naming the parameter.
 */
import { z } from 'zod';
import { identifier } from '@/lib/ingest/parse/schema-primitives';
import { BREAKDOWN_DIMENSIONS } from './breakdowns';

export const GRANULARITIES = ['hour', 'day', 'week', 'month'] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\0') && s.isWellFormed(), 'Must not contain NUL characters or invalid Unicode')
    .optional();

export const rangeQuerySchema = z.object({
  period: optionalText(10),
  start: optionalText(10),
  end: optionalText(10),
  avatarId: optionalText(200),
});

export const timeSeriesQuerySchema = rangeQuerySchema.extend({
  groupBy: z.enum(GRANULARITIES, `Must be one of ${GRANULARITIES.join(', ')}`).default('day'),
});

export const breakdownQuerySchema = rangeQuerySchema.extend({
  dimension: z.enum(BREAKDOWN_DIMENSIONS, `Must be one of ${BREAKDOWN_DIMENSIONS.join(', ')}`),
});

export const sentimentQuerySchema = rangeQuerySchema.extend({
  groupBy: z.enum(GRANULARITIES, `Must be one of ${GRANULARITIES.join(', ')}`).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export const escalationsQuerySchema = rangeQuerySchema.extend({
  groupBy: z.enum(GRANULARITIES, `Must be one of ${GRANULARITIES.join(', ')}`).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const avatarParamsSchema = z.object({ avatarId: identifier });

/** The search params of a request as a plain object (the first value of a repeated parameter). */
export function searchParamsOf(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(req.url).searchParams) if (!(key in out)) out[key] = value;
  return out;
}
