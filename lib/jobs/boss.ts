/**
 * pg-boss on postgres.js (Confab's one driver), so jobs live in the same database and survive restarts.
 * pg-boss was written against node-postgres, so its client differs from the app's in two ways: JSON
 * parameters that are already strings are sent as they are (pg-boss passes JSON.stringify'd arrays),
 * and parameterless SQL (its multi-statement plans with BEGIN/COMMIT) runs on a reserved connection.
 */
import PgBoss from 'pg-boss';
import postgres from 'postgres';
import { databaseUrlOrThrow } from '@/db';

function createJobsClient(): postgres.Sql {
  const json = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
  return postgres(databaseUrlOrThrow(), {
    max: 4,
    idle_timeout: 30,
    onnotice: () => {},
    types: { json: { to: 114, from: [114, 3802], serialize: json, parse: (x: string) => JSON.parse(x) } },
  });
}

function executor(sql: postgres.Sql): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      let result: postgres.RowList<postgres.Row[]> | postgres.RowList<postgres.Row[]>[];
      if (values?.length) {
        result = await sql.unsafe(text, values.map((v) => (v === undefined ? null : v)) as postgres.ParameterOrJSON<never>[]);
      } else {
        const connection = await sql.reserve();
        try {
          result = await connection.unsafe(text).simple();
        } finally {
          connection.release();
        }
      }
      // A multi-statement simple query answers with one result per statement; pg-boss reads the last.
      const last = Array.isArray(result[0]) ? (result as unknown as unknown[][]).at(-1) ?? [] : result;
      return { rows: Array.from(last as unknown[]) };
    },
  };
}

export function createBoss(options: Partial<PgBoss.ConstructorOptions> = {}): { boss: PgBoss; close: () => Promise<void> } {
  const sql = createJobsClient();
  const boss = new PgBoss({ db: executor(sql), schema: 'pgboss', ...options });
  boss.on('error', (error) => console.error('[confab jobs]', error));
  return { boss, close: () => sql.end({ timeout: 5 }) };
}
