/**
 * Creates one benchmark workspace of a given size: raw rows and rollups seeded set-wise in SQL, an API key
 * with the `read` scope, and the statistics the planner needs. Secondary indexes of the big tables are
 * dropped during the load and recreated from their own definitions when the tables start out empty.
 */
import { randomUUID } from 'node:crypto';
import { sql } from '@/db';
import { insertWorkspace } from '@/db/queries/accounts';
import { createApiKey } from '@/lib/auth/api-keys';
import { buildRollups } from './analytics-rollups';
import { seedRawData, type SeedSize } from './analytics-seed';

const LOADED_TABLES = ['conversations', 'messages', 'actions'];
export const BENCH_TIMEZONE = 'America/New_York';
export const FULL_WORKSPACE = 'Analytics benchmark (full)';
export const TENTH_WORKSPACE = 'Analytics benchmark (tenth)';

export type BenchWorkspace = { id: string; slug: string; name: string; key: string; size: SeedSize; seconds: number };

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function secondaryIndexes(): Promise<{ name: string; definition: string }[]> {
  return sql<{ name: string; definition: string }[]>`
    SELECT i.indexname AS name, i.indexdef AS definition
    FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename IN ${sql(LOADED_TABLES)}
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`;
}

async function tablesAreEmpty(): Promise<boolean> {
  const [row] = await sql<{ any: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM conversations) OR EXISTS (SELECT 1 FROM messages) OR EXISTS (SELECT 1 FROM actions) AS any`;
  return !row.any;
}

export async function createBenchWorkspace(name: string, size: SeedSize, end: Date, log: (line: string) => void): Promise<BenchWorkspace> {
  const started = performance.now();
  const workspace = await insertWorkspace({ name, slug: `bench-${randomUUID().slice(0, 8)}` });
  await sql`UPDATE workspaces SET timezone = ${BENCH_TIMEZONE} WHERE id = ${workspace.id}`;
  await sql`
    INSERT INTO avatars (workspace_id, id, name)
    SELECT ${workspace.id}, 'avt_' || lpad(n::text, 2, '0'), 'Avatar ' || n FROM generate_series(1, ${size.avatars}::int) n`;

  const dropIndexes = await tablesAreEmpty();
  const indexes = dropIndexes ? await secondaryIndexes() : [];
  const c = await sql.reserve();
  try {
    // Replica mode skips foreign-key checks and triggers for this session only: the rows are generated
    // consistent, and every rollup is built from them afterwards.
    await c.unsafe(`SET session_replication_role = replica`);
    await c.unsafe(`SET work_mem = '256MB'`);
    await c.unsafe(`SET maintenance_work_mem = '1GB'`);
    for (const index of indexes) await c.unsafe(`DROP INDEX ${index.name}`);
    let step = performance.now();
    try {
      await seedRawData(c, workspace.id, size, end);
      log(`    raw rows in ${seconds(step)} s`);
    } finally {
      step = performance.now();
      for (const index of indexes) await c.unsafe(index.definition);
      if (indexes.length) log(`    ${indexes.length} secondary indexes recreated in ${seconds(step)} s`);
    }
    // The planner must know the new rows before the rollup statements aggregate them.
    for (const table of LOADED_TABLES) await c.unsafe(`ANALYZE ${table}`);
    await buildRollups(c, workspace.id, log);
    step = performance.now();
    await c.unsafe(`VACUUM ANALYZE`).catch(() => undefined);
    log(`    vacuum analyze in ${seconds(step)} s`);
  } finally {
    await c.unsafe(`RESET session_replication_role`).catch(() => undefined);
    c.release();
  }
  const { key } = await createApiKey(workspace.id, { name: 'bench', scopes: ['read'] });
  return { id: workspace.id, slug: workspace.slug, name, key, size, seconds: Number(seconds(started)) };
}

/**
 * The newest complete workspace called `name` holding exactly `size` conversations — what an earlier
 * analytics benchmark left in the database (its `bench` key is created last, so a key means the seed
 * finished) — with a new `read` key; else a freshly seeded one.
 */
export async function findOrCreateBenchWorkspace(name: string, size: SeedSize, log: (line: string) => void): Promise<BenchWorkspace & { reused: boolean }> {
  const candidates = await sql<{ id: string; slug: string }[]>`
    SELECT w.id, w.slug FROM workspaces w
    WHERE w.name = ${name} AND EXISTS (SELECT 1 FROM api_keys k WHERE k.workspace_id = w.id AND k.name = 'bench')
    ORDER BY w.created_at DESC`;
  for (const w of candidates) {
    const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM conversations WHERE workspace_id = ${w.id}::uuid`;
    if (row.n !== size.conversations) continue;
    const { key } = await createApiKey(w.id, { name: 'bench (reused)', scopes: ['read'] });
    return { id: w.id, slug: w.slug, name, key, size, seconds: 0, reused: true };
  }
  log(`  no complete "${name}" workspace of ${size.conversations} conversations in DATABASE_URL: seeding one`);
  const end = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  return { ...(await createBenchWorkspace(name, size, end, log)), reused: false };
}
