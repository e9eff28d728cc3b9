/**
 * Server action arguments arrive from anyone, in any shape React can decode, whatever the action's
 * TypeScript signature says. Actions parse every argument with these before anything reaches SQL, so a
 * hostile call gets the action's normal error result and writes nothing.
 */
import { z } from 'zod';
import { identifier } from '@/lib/ingest/parse/schema-primitives';

const MAX_DEPTH = 32;

const plain = (value: object) => Array.isArray(value) || [Object.prototype, null].includes(Object.getPrototypeOf(value));

/**
 * Adds an issue for each string (keys included) that PostgreSQL text and jsonb cannot hold, and for anything
 * that is not JSON-like data (a Date, Map, FormData or BigInt where an object or a number belongs).
 */
function checkValue(value: unknown, path: PropertyKey[], ctx: z.RefinementCtx, seen: WeakSet<object>): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || !value.isWellFormed()) ctx.addIssue({ code: 'custom', path, message: 'Must not contain NUL characters or invalid Unicode' });
    return;
  }
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') {
    ctx.addIssue({ code: 'custom', path, message: 'Must be JSON data' });
    return;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (!plain(value) && !(value instanceof File)) {
    ctx.addIssue({ code: 'custom', path, message: 'Must be JSON data' });
    return;
  }
  if (path.length >= MAX_DEPTH) {
    ctx.addIssue({ code: 'custom', path, message: `Must not nest deeper than ${MAX_DEPTH} levels` });
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    checkValue(key, path, ctx, seen);
    checkValue(item, [...path, Array.isArray(value) ? Number(key) : key], ctx, seen);
  }
}

const storableInput = z.unknown().superRefine((value, ctx) => checkValue(value, [], ctx, new WeakSet()));

/** `schema`, run only on JSON-like values whose strings PostgreSQL can store (no NUL, no lone surrogates, anywhere). */
export const storable = <T extends z.ZodType>(schema: T) => storableInput.pipe(schema);

/** A client-given id (conversation, goal, funnel, avatar): the ingest API's id rules. */
export const actionId = identifier;

/** Ids the database makes (workspaces, API keys) are PostgreSQL uuids; anything else would fail the cast. */
export const actionUuid = identifier.pipe(z.guid());

/** One form field as its schema should see it: '' when missing or `form` is no form; a file stays a file so the schema refuses it. */
export function formValue(form: unknown, name: string): FormDataEntryValue {
  return (form instanceof FormData ? form.get(name) : null) ?? '';
}

/** Every value of a repeated field (checkboxes); none when `form` is no form. */
export function formValues(form: unknown, name: string): FormDataEntryValue[] {
  return form instanceof FormData ? form.getAll(name) : [];
}

/**
 * The named fields of a form, for a payload schema where a missing field means "unchanged": missing fields
 * are left out, a file stays a file so the schema refuses it, and a non-form is null (which no schema takes).
 */
export function formFields(form: unknown, names: readonly string[]): Record<string, FormDataEntryValue> | null {
  if (!(form instanceof FormData)) return null;
  return Object.fromEntries(names.flatMap((name) => (form.has(name) ? [[name, form.get(name)!]] : [])));
}
