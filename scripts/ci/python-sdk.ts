/**
 * CI helper: the Python SDK's tests against a real Confab. On the database of DATABASE_URL it migrates,
 * creates a workspace and an ingest/read/admin API key (lib/ functions, as the test factories do), starts
 * the production server (`scripts/start.ts`, what `npm start` runs) on `--port` (default 3220), runs
 * `python3 -m unittest discover -s sdks/python -v` with CONFAB_BASE_URL / CONFAB_API_KEY, writes
 * `ci-results/python.json` (`{ passed, failed, skipped, total, failures }`), and stops the server.
 *
 *   DATABASE_URL=postgres://… npx tsx scripts/ci/python-sdk.ts [--port 3220]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { insertWorkspace } from '@/db/queries/accounts';
import { createApiKey } from '@/lib/auth/api-keys';

const RESULTS = path.join('ci-results', 'python.json');
const SERVER_LOG = path.join('ci-results', 'python-server.log');
const READY_TIMEOUT_MS = 10 * 60_000; // a build may be needed outside CI
const TESTS_TIMEOUT_MS = 5 * 60_000;

type Summary = { passed: number; failed: number; skipped: number; total: number; failures: string[]; durationMs: number; error?: string };

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = Number(values.port ?? process.env.PYTHON_SDK_PORT ?? 3220);
const python = process.env.PYTHON ?? 'python3';

function writeSummary(summary: Summary) {
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`python sdk: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped${summary.error ? ` (${summary.error})` : ''}`);
}

/** Reads unittest's closing lines: `Ran N tests in …s`, then `OK (skipped=1)` or `FAILED (failures=1, errors=2)`. */
function parseUnittest(output: string): Omit<Summary, 'durationMs'> {
  const ran = /^Ran (\d+) tests? in /m.exec(output);
  if (!ran) return { passed: 0, failed: 1, skipped: 0, total: 0, failures: [], error: 'unittest did not report a run' };
  const total = Number(ran[1]);
  const count = (name: string) => Number(new RegExp(`\\b${name}=(\\d+)`).exec(output.slice(ran.index))?.[1] ?? 0);
  const failed = count('failures') + count('errors') + count('unexpected successes');
  const skipped = count('skipped') + count('expected failures');
  const failures = [...output.matchAll(/^(?:FAIL|ERROR): (\S+ \([^)]*\))/gm)].map((m) => m[1]);
  const ok = /^OK\b/m.test(output.slice(ran.index));
  return { passed: Math.max(0, total - failed - skipped), failed: ok || failed > 0 ? failed : Math.max(1, failed), skipped, total, failures };
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} (see ${SERVER_LOG})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

/** Stops the server and whatever it started (it runs in its own process group). */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.pid === undefined) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function runTests(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(python, ['-m', 'unittest', 'discover', '-s', 'sdks/python', '-v'], {
      env: { ...env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (chunk: Buffer, to: NodeJS.WriteStream) => {
      output += chunk.toString();
      to.write(chunk);
    };
    child.stdout.on('data', (c: Buffer) => take(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => take(c, process.stderr));
    const timer = setTimeout(() => {
      output += `\nkilled after ${TESTS_TIMEOUT_MS / 1000} s\n`;
      child.kill('SIGKILL');
    }, TESTS_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}\n${error.message}` });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!process.env.DATABASE_URL) {
    writeSummary({ passed: 0, failed: 1, skipped: 0, total: 0, failures: [], durationMs: 0, error: 'DATABASE_URL is not set' });
    return 2;
  }
  await migrateDatabase();
  const workspace = await insertWorkspace({ name: 'Python SDK tests', slug: `python-sdk-${randomUUID().slice(0, 8)}` });
  const { key } = await createApiKey(workspace.id, { name: 'python sdk tests', scopes: ['ingest', 'read', 'admin'] });
  await closeDb();

  fs.mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = fs.openSync(SERVER_LOG, 'w');
  const server = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'start.ts')], {
    env: { ...process.env, PORT: String(port), CONFAB_SKIP_DEMO: '1' },
    stdio: ['ignore', log, log],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${baseUrl}/v1/openapi.json`, server);
    const { code, output } = await runTests({ ...process.env, CONFAB_BASE_URL: baseUrl, CONFAB_API_KEY: key });
    const summary = parseUnittest(output);
    if (code !== 0 && summary.failed === 0) Object.assign(summary, { failed: 1, error: `unittest exited with ${code}` });
    writeSummary({ ...summary, durationMs: Date.now() - started });
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    writeSummary({ passed: 0, failed: 1, skipped: 0, total: 0, failures: [], durationMs: Date.now() - started, error: String((error as Error).message ?? error) });
    const tail = fs.readFileSync(SERVER_LOG, 'utf8').split('\n').slice(-40).join('\n');
    console.error(`--- last lines of ${SERVER_LOG} ---\n${tail}`);
    return 1;
  } finally {
    await stopServer(server);
    fs.closeSync(log);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    writeSummary({ passed: 0, failed: 1, skipped: 0, total: 0, failures: [], durationMs: 0, error: String((error as Error)?.message ?? error) });
    process.exit(1);
  },
);
