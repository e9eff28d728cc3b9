/**
 * Server action arguments arrive from anyone, in any shape React can decode, whatever the action's
 * TypeScript signature says. Actions parse every argument with these before anything reaches SQL, so a
 * hostile call gets the action's normal error result and writes nothing.
 */
import { z } from 'zod';
import { identifier } from '@/lib/ingest/schema-primitives';

const MAX_DEPTH = 32;

/** Adds an issue for each string (keys included) that PostgreSQL text and jsonb cannot hold. */
function checkStrings(value: unknown, path: PropertyKey[], ctx: z.RefinementCtx, seen: WeakSet<object>): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || !value.isWellFormed()) ctx.addIssue({ code: 'custom', path, message: 'Must not contain NUL characters or invalid Unicode' });
    return;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (path.length >= MAX_DEPTH) {
    ctx.addIssue({ code: 'custom', path, message: `Must not nest deeper than ${MAX_DEPTH} levels` });
    return;
  }
  const entries = value instanceof Map ? [...value] : Array.isArray(value) || value instanceof Set ? [...value].entries() : Object.entries(value);
  for (const [key, item] of entries) {
    checkStrings(key, path, ctx, seen);
    checkStrings(item, [...path, typeof key === 'number' ? key : String(key)], ctx, seen);
  }
}

const storableInput = z.unknown().superRefine((value, ctx) => checkStrings(value, [], ctx, new WeakSet()));

/** `schema`, run only on values whose strings PostgreSQL can store (no NUL, no lone surrogates, anywhere). */
export const storable = <T extends z.ZodType>(schema: T) => storableInput.pipe(schema);

/** A client-given id (conversation, goal, funnel, avatar): the ingest API's id rules. */
export const actionId = identifier;

/** Ids the database makes (workspaces, API keys) are PostgreSQL uuids; anything else would fail the cast. */
export const actionUuid = identifier.pipe(z.guid());

/** The text of one form field; empty when it is missing, a file, or `form` is not a form at all. */
export function formText(form: unknown, name: string): string {
  const value = form instanceof FormData ? form.get(name) : null;
  return typeof value === 'string' ? value : '';
}

/** Every text value of a repeated field (checkboxes); files and non-forms give none. */
export function formTexts(form: unknown, name: string): string[] {
  return form instanceof FormData ? form.getAll(name).filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The named fields of a form, for a payload schema where a missing field means "unchanged": missing fields
 * are left out, a file stays a file so the schema refuses it, and a non-form is null (which no schema takes).
 */
export function formFields(form: unknown, names: readonly string[]): Record<string, FormDataEntryValue> | null {
  if (!(form instanceof FormData)) return null;
  return Object.fromEntries(names.flatMap((name) => (form.has(name) ? [[name, form.get(name)!]] : [])));
}
