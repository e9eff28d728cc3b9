/**
 * Keeps Confab distributable by workspace (schema/index.ts): read from the catalog of the migrated
 * database, so raw-SQL migrations are held to the same rule as the drizzle schema.
 */
import { expect, test } from 'vitest';
import { sql } from '@/db';

/** Tables that hold no tenant data, hence no `workspace_id`. A new table belongs here only if it is not per workspace. */
const PLATFORM_TABLES = [
  'public.analytics_flush',
  'public.oauth_accounts',
  'public.password_resets',
  'public.rate_limit_buckets',
  'public.stripe_events',
  'public.users',
  'public.workspaces',
];

/** Schemas owned by libraries (migrations journal, job queue), not by Confab's schema. */
const LIBRARY_SCHEMAS = ['drizzle', 'pgboss'];

const userTables = () => sql`
  SELECT c.oid, n.nspname || '.' || c.relname AS name,
         EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped) AS tenant
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    AND n.nspname NOT IN ${sql(LIBRARY_SCHEMAS)}`;

test('every table without workspace_id is a known platform table', async () => {
  const rows = await sql<{ name: string }[]>`WITH t AS (${userTables()}) SELECT name FROM t WHERE NOT tenant`;
  expect(rows.map((r) => r.name).sort()).toEqual(PLATFORM_TABLES);
});

test('tenant tables have a primary key', async () => {
  const rows = await sql<{ name: string }[]>`
    WITH t AS (${userTables()})
    SELECT name FROM t WHERE tenant AND NOT EXISTS (SELECT FROM pg_index i WHERE i.indrelid = t.oid AND i.indisprimary)
    ORDER BY name`;
  expect(rows.map((r) => r.name)).toEqual([]);
});

test('every primary key, unique constraint and unique index of a tenant table has workspace_id among its key columns', async () => {
  const rows = await sql<{ index: string }[]>`
    WITH t AS (${userTables()})
    SELECT t.name || ': ' || pg_get_indexdef(i.indexrelid) AS index
    FROM t JOIN pg_index i ON i.indrelid = t.oid
    WHERE t.tenant AND i.indisunique
      AND NOT EXISTS (
        SELECT FROM pg_attribute a
        WHERE a.attrelid = t.oid AND a.attname = 'workspace_id'
          AND a.attnum = ANY ((i.indkey::int2[])[0:i.indnkeyatts - 1])
      )
    ORDER BY 1`;
  expect(rows.map((r) => r.index)).toEqual([]);
});

test('no exclusion constraint on a tenant table', async () => {
  const rows = await sql<{ constraint: string }[]>`
    WITH t AS (${userTables()})
    SELECT t.name || ': ' || c.conname AS constraint FROM t JOIN pg_constraint c ON c.conrelid = t.oid
    WHERE t.tenant AND c.contype = 'x' ORDER BY 1`;
  expect(rows.map((r) => r.constraint)).toEqual([]);
});

// A key between tenant tables must pair workspace_id with workspace_id, so that both rows live on the same
// node. A key to a platform table (workspaces, users) is fine: those are replicated to every node.
test('every foreign key to or from a tenant table pairs workspace_id with workspace_id, unless it references a platform table', async () => {
  const rows = await sql<{ key: string }[]>`
    WITH t AS (${userTables()})
    SELECT src.name || ': ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS key
    FROM pg_constraint c
    JOIN t src ON src.oid = c.conrelid
    JOIN t dst ON dst.oid = c.confrelid
    WHERE c.contype = 'f' AND (src.tenant OR dst.tenant)
      AND NOT (src.tenant AND NOT dst.tenant)
      AND NOT EXISTS (
        SELECT FROM unnest(c.conkey, c.confkey) AS k(src_att, dst_att)
        JOIN pg_attribute sa ON sa.attrelid = c.conrelid AND sa.attnum = k.src_att
        JOIN pg_attribute da ON da.attrelid = c.confrelid AND da.attnum = k.dst_att
        WHERE sa.attname = 'workspace_id' AND da.attname = 'workspace_id'
      )
    ORDER BY 1`;
  expect(rows.map((r) => r.key)).toEqual([]);
});
