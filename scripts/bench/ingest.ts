/**
 * `npm run bench -- ingest [--messages N] [--clients C] [--url http://host:port] [--port P] [--no-goals]`
 * Through the real HTTP server: starts `npm start` itself (a production build, built first when stale;
 * the worker on) unless --url names a running one, then posts realistic ≤1,000-item batches of 90 new
 * conversations with 10 messages each from C concurrent clients until N messages are in, with every
 * derivation on. Runs twice, in fresh workspaces: without goals, then with the three template goals live
 * (`--no-goals`: the first only). For each it prints messages/s, p50/p95 batch latency, the CPU spent per
 * message by the web server, the worker and their PostgreSQL backends, and what ingest leaves to later (the
 * search index's pending list, which the worker merges); then the web server's peak RSS, and a `COPY` of the same message rows into a copy
 * of the messages table (its indexes included) in the same database, as the yardstick.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb, sql } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { insertWorkspace } from '@/db/queries/accounts';
import { mergeSearchPendingList } from '@/db/queries/search-index';
import { createApiKey } from '@/lib/auth/api-keys';
import { demoConversation, seededRandom, type DemoBatchItem } from '@/lib/demo/generate';
import { createGoal } from '@/lib/goals/service';
import { GOAL_TEMPLATES } from '@/lib/goals/triggers';
import { root } from '../build-state';
import { cpuAvailable, perUnit, startCpuPhase, withDescendants, type CpuGroups } from './_cpu';
import { stopProcessGroup } from './_process-group';
import { machineLine, ms, percentile, requireDatabaseUrl } from './_stats';

const { values } = parseArgs({
  options: {
    messages: { type: 'string' },
    clients: { type: 'string' },
    url: { type: 'string' },
    port: { type: 'string' },
    'no-goals': { type: 'boolean' },
  },
});
const targetMessages = Number(values.messages ?? 200_000);
const clients = Number(values.clients ?? 4);
const BATCH = 1000;
const TARGET_RATE = 15_000;
const log = (line: string) => console.log(line);

function buildBatches(prefix: string, now: Date): { batches: DemoBatchItem[][]; messages: number } {
  const rand = seededRandom(42);
  const batches: DemoBatchItem[][] = [];
  let current: DemoBatchItem[] = [];
  let messages = 0;
  for (let i = 0; messages < targetMessages; i++) {
    const items = demoConversation(rand, `${prefix}_${i}`, now, 30, 50_000);
    if (current.length + items.length > BATCH) {
      batches.push(current);
      current = [];
    }
    current.push(...items);
    messages += items.filter((it) => it.type === 'message').length;
  }
  if (current.length) batches.push(current);
  return { batches, messages };
}

type Server = { url: string; webPid: number | null; workerPid: number | null; stop: () => Promise<void> };

/** The process running `script` among `pid` and its descendants. */
function findProcess(pid: number, script: string): number | null {
  const cmdline = (p: number) => {
    try {
      return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  };
  return withDescendants(pid).find((p) => cmdline(p).includes(script)) ?? null;
}

/** `npm start` (scripts/start.ts) on `port`, once it serves; its output is shown only if it fails. */
async function startConfab(port: number): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'start.ts')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      CONFAB_SKIP_DEMO: '1',
      API_RATE_LIMIT_PER_SECOND: '1000000',
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('hex'),
      CONFAB_DB_APPLICATION_NAME: 'confab-bench',
    },
  });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const stop = () => stopProcessGroup(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000; // a first build included
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output.slice(-3000)}`);
    if (await fetch(`${url}/sign-in`).then((r) => r.ok, () => false)) {
      return { url, webPid: findProcess(child.pid!, path.join('scripts', 'serve.ts')), workerPid: child.pid!, stop };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`npm start did not serve within 10 minutes:\n${output.slice(-3000)}`);
}

async function runClients<T>(work: T[], fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < work.length) await fn(work[next++]);
  }));
}

async function post(url: string, key: string, body: string): Promise<number> {
  const res = await fetch(new URL('/v1/batch', url), { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
  await res.arrayBuffer();
  return res.status;
}

/** A COPY of the same message rows (COPY text format) into a copy of `messages`, its indexes included. */
async function copyRows(workspaceId: string, batches: DemoBatchItem[][]): Promise<number> {
  await sql`CREATE TABLE IF NOT EXISTS bench_copy_messages (LIKE messages INCLUDING DEFAULTS INCLUDING INDEXES)`;
  await sql`TRUNCATE bench_copy_messages`;
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  const chunks = batches.map((batch) =>
    batch
      .filter((i) => i.type === 'message')
      .map((i) => {
        const m = i.body as { conversationId: string; id: string; role: string; content: string; createdAt: string; tokens?: { prompt?: number; completion?: number } };
        return [workspaceId, m.conversationId, m.id, m.role, escape(m.content), m.createdAt, m.tokens?.prompt ?? 0, m.tokens?.completion ?? 0].join('\t') + '\n';
      })
      .join(''),
  );
  const started = performance.now();
  await runClients(chunks, async (text) => {
    const stream = await sql`COPY bench_copy_messages (workspace_id, conversation_id, id, role, content, created_at, prompt_tokens, completion_tokens) FROM STDIN`.writable();
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(text);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  await sql`DROP TABLE bench_copy_messages`;
  return seconds;
}

/** Peak resident memory of a process so far (VmHWM), in MiB. */
function peakRssMiB(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function runPhase(server: Server, goals: boolean, now: Date) {
  const workspace = await insertWorkspace({ name: 'Ingest benchmark', slug: `bench-ingest-${goals ? 'goals' : 'plain'}-${Date.now()}` });
  const { key } = await createApiKey(workspace.id, { name: 'bench', scopes: ['ingest'] });
  if (goals) for (const t of GOAL_TEMPLATES) await createGoal(workspace.id, { name: t.name, trigger: t.trigger }, {});
  const { batches, messages } = buildBatches(`bench_${goals ? 'g' : 'p'}_${Date.now()}`, now);
  const bodies = batches.map((batch) => JSON.stringify({ batch }));
  log(`\n${goals ? 'with the three template goals live' : 'without goals'}: ${messages} messages in ${batches.length} batches of ≤${BATCH} items, ${clients} clients`);

  await post(server.url, key, bodies[0]); // warm-up: compiles routes, loads the language model; the rest of the run replays nothing
  const groups: CpuGroups = {
    node: { web: server.webPid ? [server.webPid] : [] },
    // The start process runs the worker; its descendants include the web server, counted above.
    alone: { worker: server.workerPid ? [server.workerPid] : [], clients: [process.pid] },
    database: { 'web db': 'confab-bench-web', 'worker db': 'confab-bench-worker' },
  };
  const phase = cpuAvailable() && server.webPid ? await startCpuPhase(sql, groups) : null;
  const latencies: number[] = [];
  const started = performance.now();
  await runClients(bodies.slice(1), async (body) => {
    const t = performance.now();
    const status = await post(server.url, key, body);
    if (status !== 207) throw new Error(`batch answered ${status}`);
    latencies.push(performance.now() - t);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = phase ? await phase.stop() : null;
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM messages WHERE workspace_id = ${workspace.id}::uuid`;
  if (n !== messages) throw new Error(`expected ${messages} stored messages, found ${n}`);
  const timed = messages - batches[0].filter((i) => i.type === 'message').length;
  const rate = timed / seconds;
  log(`  ingest          : ${rate.toFixed(0)} messages/s (${seconds.toFixed(1)} s) — target ≥ ${TARGET_RATE.toLocaleString('en')} ${rate >= TARGET_RATE ? 'PASS' : 'FAIL'}`);
  log(`  batch latency   : p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))} — target p95 ≤ 400 ms ${percentile(latencies, 95) <= 400 ? 'PASS' : 'FAIL'}`);
  if (cpu) log(`  CPU             : ${perUnit(cpu, timed, 'message')}`);
  // The one thing left to later: the worker merges the search index's pending list every 5 s (search sees the
  // pending entries meanwhile, so nothing is ever missing from results). Whatever it had not merged yet, merged now.
  const mergeStarted = performance.now();
  const pages = await mergeSearchPendingList();
  log(`  catch-up        : search never lags (pending index entries are searched); merging the ${pages} pending-list pages left took ${ms(performance.now() - mergeStarted)}`);
  if (goals) {
    const [{ c }] = await sql<{ c: number }[]>`SELECT count(*)::int AS c FROM goal_completions WHERE workspace_id = ${workspace.id}::uuid`;
    log(`  goals           : ${c} completions recorded live`);
  }
  return { workspaceId: workspace.id, batches, messages, seconds: (messages / timed) * seconds };
}

async function main() {
  requireDatabaseUrl();
  await migrateDatabase();
  log(machineLine());
  const server: Server = values.url
    ? { url: values.url, webPid: null, workerPid: null, stop: async () => {} }
    : await startConfab(Number(values.port ?? 3470));
  log(`ingest benchmark → ${server.url}${values.url ? ' (CPU split and RSS only when the bench starts the server)' : ' (npm start, production build)'}`);
  const workspaces: string[] = [];
  try {
    const now = new Date();
    const plain = await runPhase(server, false, now);
    workspaces.push(plain.workspaceId);
    let last = plain;
    if (!values['no-goals']) {
      last = await runPhase(server, true, now);
      workspaces.push(last.workspaceId);
    }
    const rss = peakRssMiB(server.webPid);
    if (rss !== null) log(`\nweb server peak RSS: ${rss.toFixed(0)} MiB — target ≤ 700 MiB ${rss <= 700 ? 'PASS' : 'FAIL'}`);
    const copySeconds = await copyRows(last.workspaceId, last.batches);
    log(`COPY of the same ${last.messages} message rows: ${(last.messages / copySeconds).toFixed(0)} rows/s; the last ingest run went at ${((copySeconds / last.seconds) * 100).toFixed(1)}% of it`);
  } finally {
    // The server first: a failed clean-up must not leave it running.
    await server.stop();
    try {
      for (const id of workspaces) await sql`DELETE FROM workspaces WHERE id = ${id}::uuid`;
    } finally {
      await closeDb();
    }
  }
}

main().catch(async (error) => {
  console.error(error);
  await closeDb();
  process.exit(1);
});
