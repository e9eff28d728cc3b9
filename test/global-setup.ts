/**
 * Gives the test run a migrated database: DATABASE_URL when set (CI points it at a fresh PostgreSQL
 * database), else an in-memory embedded database that lives for this run only.
 */
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/db/embedded';

let embedded: EmbeddedDatabase | undefined;

export async function setup() {
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase();
    process.env.DATABASE_URL = embedded.url;
  }
  const { migrateDatabase } = await import('@/db/migrate');
  const { closeDb } = await import('@/db');
  await migrateDatabase();
  await closeDb();
}

export async function teardown() {
  await embedded?.stop();
}
