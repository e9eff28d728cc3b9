/**
 * Field-level building blocks of the ingest schemas. Everything that passes them can be written to
 * PostgreSQL as is: no NUL characters or lone surrogates (which text/jsonb reject), no JSON deeper
 * than the server's parser allows, no dates outside what the product can chart.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

export const MAX_ID_LENGTH = 200;
export const MAX_CONTENT_CHARS = 32 * 1024;
export const MAX_JSON_BYTES = 64 * 1024;
const MAX_JSON_DEPTH = 32;
const INT32_MAX = 2_147_483_647;
const EARLIEST = Date.UTC(2000, 0, 1);
const FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Removes what PostgreSQL cannot store in text: NUL characters and unpaired surrogates (become U+FFFD). */
export function cleanText(value: string): string {
  const wellFormed = value.isWellFormed() ? value : value.toWellFormed();
  return wellFormed.includes('\u0000') ? wellFormed.replaceAll('\u0000', '') : wellFormed;
}

/** Client ids and names: 1–200 characters, no control characters. */
export const identifier = z
  .string()
  .min(1, 'Must not be empty')
  .max(MAX_ID_LENGTH, `Must be at most ${MAX_ID_LENGTH} characters`)
  .refine((s) => !CONTROL.test(s) && s.isWellFormed(), 'Must not contain control characters or invalid Unicode');

/** Free text of bounded length, cleaned for storage. */
export const text = (max: number) =>
  z.string().max(max, `Must be at most ${max} characters`).transform(cleanText);

/** An optional label (source, status, user agent): trimmed, and blank means not given. */
export const label = (max: number) =>
  z
    .string()
    .max(max, `Must be at most ${max} characters`)
    .transform((s) => cleanText(s).trim() || null);

const nonNegativeInt = (max = INT32_MAX) =>
  z.number().int('Must be an integer').min(0, 'Must not be negative').max(max, `Must be at most ${max}`);

export const tokenCount = nonNegativeInt(10_000_000);
export const durationMs = nonNegativeInt();

function dateIsReal(value: string): boolean {
  // Date.parse rolls 2023-02-30 over to March; the calendar day must exist as written.
  const [y, m, d] = [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** An ISO 8601 date-time with a timezone (Z or ±hh:mm), from 2000 up to a day ahead of now. */
export const timestamp = z
  .iso.datetime({ offset: true, abort: true, message: 'Must be an ISO 8601 date-time with a timezone, e.g. 2024-05-01T12:00:00Z' })
  .refine(dateIsReal, { message: 'Not a calendar date', abort: true })
  .transform((s, ctx) => {
    const date = new Date(s);
    const t = date.getTime();
    if (t >= EARLIEST && t <= Date.now() + FUTURE_SKEW_MS) return date;
    ctx.addIssue({ code: 'custom', message: 'Must be between 2000-01-01 and one day from now' });
    return z.NEVER;
  });

export const ipAddress = z
  .string()
  .max(100)
  .refine((s) => isIP(s.trim()) !== 0, 'Must be an IPv4 or IPv6 address')
  .transform((s) => s.trim());

/** A language tag as given ("en", "pt-BR"), canonicalised so breakdowns do not split on case. */
export const languageTag = z
  .string()
  .trim()
  .min(1)
  .max(35)
  .transform((tag) => {
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? tag.toLowerCase();
    } catch {
      return cleanText(tag.toLowerCase());
    }
  });

type JsonCheck = { value: unknown } | { error: string };

/** Copies a parsed JSON value with its strings cleaned, or says why it cannot be stored. */
function cleanJson(value: unknown, depth = 0): JsonCheck {
  if (depth > MAX_JSON_DEPTH) return { error: `Must not nest deeper than ${MAX_JSON_DEPTH} levels` };
  if (typeof value === 'string') return { value: cleanText(value) };
  if (value === null || typeof value === 'boolean') return { value };
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { error: 'Numbers must be finite' };
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const r = cleanJson(item, depth + 1);
      if ('error' in r) return r;
      out.push(r.value);
    }
    return { value: out };
  }
  if (typeof value === 'object') {
    const out: [string, unknown][] = [];
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const r = cleanJson(v, depth + 1);
      if ('error' in r) return r;
      out.push([cleanText(k), r.value]);
    }
    // fromEntries defines own properties, so a "__proto__" key stays data instead of setting the prototype.
    return { value: Object.fromEntries(out) };
  }
  return { error: 'Must be JSON' };
}

function jsonField<T extends z.ZodType>(base: T) {
  return base.transform((value, ctx) => {
    const checked = cleanJson(value);
    if ('error' in checked) {
      ctx.addIssue({ code: 'custom', message: checked.error });
      return z.NEVER;
    }
    if (Buffer.byteLength(JSON.stringify(checked.value) ?? '') > MAX_JSON_BYTES) {
      ctx.addIssue({ code: 'custom', message: `Must be at most ${MAX_JSON_BYTES / 1024} KB as JSON` });
      return z.NEVER;
    }
    return checked.value as z.output<T>;
  });
}

/** A JSON object (metadata, properties) of at most 64 KB serialised. */
export const jsonObject = jsonField(z.record(z.string(), z.unknown()));
/** Any JSON value (tool input/output) of at most 64 KB serialised. */
export const jsonValue = jsonField(z.unknown());

/** Feedback as clients send it: a label, a 1–5 rating, a thumbs boolean, or `{ rating?, value? }`. */
export const feedbackValue = z.union([
  z.string().max(200),
  z.number().finite(),
  z.boolean(),
  z.object({
    rating: z.union([z.number().finite(), z.string().max(20)]).nullish(),
    value: z.union([z.string().max(200), z.number().finite(), z.boolean()]).nullish(),
  }),
]);

/** A name people give (goals, funnels, step labels): trimmed, 1–`max` characters, no control characters. */
export const displayName = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Must not be empty')
    .max(max, `Must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s) && s.isWellFormed(), 'Must not contain control characters or invalid Unicode');

/** Text that PostgreSQL text and jsonb can hold as given: no NUL characters, no lone surrogates. */
export const isStorable = (s: string) => !s.includes('\u0000') && s.isWellFormed();
export const STORABLE_MESSAGE = 'Must not contain NUL characters or invalid Unicode';

export const MAX_MATCH_PROPERTIES = 20;
const scalar = z.union([z.string().max(1000, 'Must be at most 1000 characters').refine(isStorable, STORABLE_MESSAGE), z.number(), z.boolean(), z.null()]);

/** Event properties a goal or funnel step requires: scalar values, matched as PostgreSQL `@>` matches them. */
export const propertyMatch = z
  .record(z.string().min(1).max(200).refine(isStorable, STORABLE_MESSAGE), scalar)
  .refine((p) => Object.keys(p).length <= MAX_MATCH_PROPERTIES, `At most ${MAX_MATCH_PROPERTIES} properties`);
