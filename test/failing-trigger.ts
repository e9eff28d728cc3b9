/**
 * Makes inserts into (or updates of) a table fail for matching rows only (a BEFORE trigger with a WHEN clause), so
 * a test can break the second write of a change and see the first roll back. Other tests' rows pass.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { sql } from '@/db';

/** `when` is the trigger's WHEN condition over NEW, e.g. `NEW.workspace_id = '…'::uuid`; returns the undo. */
export function failInserts(table: string, when: string): Promise<() => Promise<void>> {
  return failWrites('INSERT', table, when);
}

/** The same for updates of matching rows (NEW is the row as updated). */
export function failUpdates(table: string, when: string): Promise<() => Promise<void>> {
  return failWrites('UPDATE', table, when);
}

async function failWrites(event: 'INSERT' | 'UPDATE', table: string, when: string): Promise<() => Promise<void>> {
  const name = `test_fail_${randomUUID().replace(/-/g, '')}`;
  await sql.unsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '${event.toLowerCase()} of ${table} refused by test'; END $$`);
  await sql.unsafe(`CREATE TRIGGER ${name} BEFORE ${event} ON ${table} FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${name}()`);
  return async () => {
    await sql.unsafe(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
    await sql.unsafe(`DROP FUNCTION IF EXISTS ${name}()`);
  };
}

/** Asserts that `change` fails on a refused insert (drizzle wraps the database's error as its cause). */
export async function expectRefused(change: Promise<unknown>) {
  const error = await change.then(
    () => null,
    (e: unknown) => e as { message?: string; cause?: { message?: string } },
  );
  expect(error, 'the change should have failed').not.toBeNull();
  expect(`${error?.message} ${error?.cause?.message}`).toMatch(/refused by test/);
}
