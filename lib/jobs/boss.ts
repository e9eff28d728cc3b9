/**
 * pg-boss on Confab's own postgres.js client (the one driver path), so jobs live in the same database
 * and survive restarts. Parameterless SQL (pg-boss's multi-statement plans) goes through the simple protocol.
 */
import PgBoss from 'pg-boss';
import type postgres from 'postgres';
import { sql } from '@/db';

/** pg-boss's plans wrap themselves in BEGIN/COMMIT, which postgres.js allows only on a reserved connection. */
async function simple(text: string) {
  const connection = await sql.reserve();
  try {
    return await connection.unsafe(text).simple();
  } finally {
    connection.release();
  }
}

/** postgres.js serialises each value by the parameter type the server describes; only undefined needs mapping. */
function asParameter(value: unknown): postgres.ParameterOrJSON<never> {
  return (value === undefined ? null : value) as postgres.ParameterOrJSON<never>;
}

function executor(): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = values?.length ? await sql.unsafe(text, values.map(asParameter)) : await simple(text);
      // A multi-statement simple query answers with one result per statement; pg-boss reads the last.
      const last = Array.isArray(result[0]) ? (result as unknown as unknown[][]).at(-1) ?? [] : result;
      return { rows: Array.from(last as unknown[]) };
    },
  };
}

export function createBoss(options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  const boss = new PgBoss({ db: executor(), schema: 'pgboss', ...options });
  boss.on('error', (error) => console.error('[confab jobs]', error));
  return boss;
}

