/**
 * `npm start`: one command from a fresh clone. Starts the embedded database when DATABASE_URL is unset,
 * migrates, seeds the demo workspace on first run, builds when the build is missing or stale (alongside
 * the migration and the seed: the build reads no data), and serves.
 * `--dev` serves with `next dev` instead of a production build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { closeDb, sql } from '@/db';
import { DATA_DIR, ensureDatabase } from '@/db/ensure';
import { migrateDatabase } from '@/db/migrate';
import { DEMO_USER, seedDemo } from '@/lib/demo/seed';
import { describeMailTransport } from '@/lib/mail/transport';
import { lowerWorkerPriority } from '@/lib/jobs/priority';
import { startWorker, type Worker } from '@/lib/jobs/worker';
import { authSecret } from './auth-secret';
import { buildNeeded, root, startUserBuild } from './build-state';

const dev = process.argv.includes('--dev');
// How the two processes show in pg_stat_activity: this one (migrations, the demo seed, the worker) and the web server.
const applicationName = process.env.CONFAB_DB_APPLICATION_NAME || 'confab';
process.env.CONFAB_DB_APPLICATION_NAME = `${applicationName}-worker`;
const port = Number(process.env.PORT ?? 3000);
const buildIsStale = () => buildNeeded() !== null;

async function isFirstRun(): Promise<boolean> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from workspaces`;
  return row.n === 0;
}

async function main() {
  const database = await ensureDatabase({ port: process.env.EMBEDDED_DB_PORT ? Number(process.env.EMBEDDED_DB_PORT) : 0, announce: true });
  let server: ChildProcess | undefined;
  let build: ReturnType<typeof startUserBuild> | undefined;
  let worker: Worker | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (build && build.child.exitCode === null) {
      build.child.kill('SIGTERM');
      await build.exited;
    }
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server?.once('exit', resolve));
    }
    await worker?.stop().catch(() => undefined);
    await closeDb().catch(() => undefined);
    await database.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    console.log(database.embedded ? `Using the embedded database in ${path.relative(root, DATA_DIR)}/` : 'Using DATABASE_URL');
    console.log(describeMailTransport());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: authSecret(),
      PORT: String(port),
      CONFAB_DB_APPLICATION_NAME: `${applicationName}-web`,
      ...(process.env.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: '1' }),
    };
    if (!dev && buildIsStale()) {
      console.log('Building Confab (first start or changed sources)…');
      build = startUserBuild(env, 'inherit');
    }
    await migrateDatabase();
    if (process.env.CONFAB_SKIP_DEMO !== '1' && (await isFirstRun())) {
      console.log('First run: seeding the demo workspace…');
      await seedDemo({ log: (line) => console.log(line) });
    }
    if (build) {
      const code = await build.exited;
      if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
    }
    // The in-process worker signs the digest's unsubscribe links with the web server's secret.
    process.env.NEXTAUTH_SECRET = env.NEXTAUTH_SECRET;
    if (process.env.CONFAB_WORKER !== 'off') {
      const log = (line: string) => console.log(`[worker] ${line}`);
      // The embedded database runs on this thread and serves the web server: it keeps its priority.
      if (!database.embedded) lowerWorkerPriority(log);
      worker = await startWorker(log);
    }
    // Our own listener rather than `next start`, so X-Forwarded-For comes from the socket (scripts/serve.ts).
    server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'serve.ts'), ...(dev ? ['--dev'] : [])], {
      stdio: 'inherit',
      env: { ...env, NODE_ENV: dev ? 'development' : 'production' },
    });
    server.once('exit', (code) => void stop(code ?? 0));
    const url = `http://localhost:${port}`;
    console.log(`\nConfab is running at ${url}`);
    const [demo] = await sql<{ n: number }[]>`select count(*)::int as n from users where email = ${DEMO_USER.email}`;
    if (demo.n > 0) console.log(`Demo sign-in: ${DEMO_USER.email} / ${DEMO_USER.password}\n`);
  } catch (error) {
    console.error(error);
    await stop(1);
  }
}

void main();
