/** Applies the committed drizzle-kit migrations; safe to run on every start. */
import path from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { db } from './index';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export async function migrateDatabase(): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
