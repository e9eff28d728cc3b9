/**
 * The database clients. postgres.js is the one driver: `db` (drizzle) for typed queries, and `sql`, a
 * separate postgres.js client for raw SQL, because drizzle reconfigures the client it wraps.
 * Both connect lazily on first use, so importing this module never needs a database (e.g. at build time).
 */
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
export type Sql = postgres.Sql;
/** A drizzle transaction, as `db.transaction` hands it to its callback. */
export type DbTransaction = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Where a drizzle query function runs: the pool, or the caller's transaction. */
export type DbExecutor = Db | DbTransaction;

// postgres.js prepares every statement; after five runs PostgreSQL may switch one to a generic plan
// that ignores the actual range or ids (measured: a back-fill DELETE scanning a goal's every completion,
// a funnel taking 2.7 s instead of 0.9 s). Planning each run costs well under a millisecond. The embedded
// server ignores startup parameters and sets the same for its one session (db/embedded.ts).
// `application_name` tells the processes apart in pg_stat_activity (and lets the benchmarks count each one's
// database CPU): CONFAB_DB_APPLICATION_NAME, default `confab`.
const clientOptions = () =>
  ({
    idle_timeout: 30,
    onnotice: () => {},
    connection: { plan_cache_mode: 'force_custom_plan', application_name: process.env.CONFAB_DB_APPLICATION_NAME || 'confab' },
  }) as const;

type Clients = { url: string; db: Db; sql: Sql; drizzleClient: Sql };
const holder = globalThis as unknown as { __confabDb?: Clients };

export function databaseUrlOrThrow(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start Confab with `npm start`, which provides the embedded database.');
  return url;
}

function clients(): Clients {
  const url = databaseUrlOrThrow();
  if (holder.__confabDb?.url === url) return holder.__confabDb;
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  const options = { max, ...clientOptions() };
  const drizzleClient = postgres(url, options);
  const sql = postgres(url, options);
  const created: Clients = { url, sql, drizzleClient, db: drizzle(drizzleClient, { schema }) };
  holder.__confabDb = created;
  return created;
}

/** Forwards every property to the lazily created client, so callers can import `db`/`sql` directly. */
function lazy<T extends object>(pick: (c: Clients) => T): T {
  return new Proxy(function () {} as unknown as T, {
    get: (_t, prop) => {
      const target = pick(clients());
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has: (_t, prop) => Reflect.has(pick(clients()), prop),
    apply: (_t, _this, args) => Reflect.apply(pick(clients()) as unknown as (...a: unknown[]) => unknown, undefined, args),
  });
}

export const db: Db = lazy((c) => c.db);
export const sql: Sql = lazy((c) => c.sql);

export type DedicatedClient = { sql: Sql; end: () => Promise<void> };

let dedicatedOpen = 0;
const dedicatedWaiting: (() => void)[] = [];

/**
 * A client of one connection outside the pools, for a statement that leaves its connection unfit for
 * reuse — a streamed `COPY … TO STDOUT` (postgres.js can hang the next query after one: porsager/postgres
 * #499, #917). At most DATABASE_DEDICATED_CONNECTIONS (default 4) are open per process; more callers wait
 * for one to end, so a burst of exports cannot use up the server's connections. `end` is idempotent.
 */
export async function openDedicatedClient(): Promise<DedicatedClient> {
  const limit = Math.max(1, Number(process.env.DATABASE_DEDICATED_CONNECTIONS ?? 4));
  if (dedicatedOpen >= limit) await new Promise<void>((resolve) => dedicatedWaiting.push(resolve));
  else dedicatedOpen++;
  const client = postgres(databaseUrlOrThrow(), { max: 1, ...clientOptions() });
  let ended: Promise<void> | null = null;
  const end = () =>
    (ended ??= client.end({ timeout: 0 }).finally(() => {
      const next = dedicatedWaiting.shift();
      if (next) next(); // the slot passes to the next caller
      else dedicatedOpen--;
    }));
  return { sql: client, end };
}

/** Closes both pools (CLI commands and tests call this before exiting). */
export async function closeDb(): Promise<void> {
  const c = holder.__confabDb;
  holder.__confabDb = undefined;
  if (c) await Promise.all([c.sql.end({ timeout: 5 }), c.drizzleClient.end({ timeout: 5 })]);
}

export { schema };
