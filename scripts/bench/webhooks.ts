/**
 * `npm run bench -- webhooks [--messages N] [--clients C] [--backlog N] [--port P] [--no-build]`
 * Through the real HTTP server (`next start`, production build) and a worker process (`npm run worker`),
 * with a local receiver that answers 200 at once:
 *   1. ingest throughput of /v1/batch with no webhook (the comparison), then with one endpoint subscribed to
 *      `message.created`, and the ratio (target ≥ 0.7×);
 *   2. the lag from each message's commit (its batch acknowledged) to its arrival at the receiver, p50/p95
 *      (target p95 ≤ 2 s), while ingesting at a steady third and half of the flat-out rate (and, for reference, during
 *      the flat-out run, where the saturated CPU queues deliveries);
 *   3. the drain rate of a backlog of N events (default 100,000) committed at once in front of the worker
 *      (target ≥ 1,000 deliveries/s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb, sql } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { insertWorkspace } from '@/db/queries/accounts';
import { createApiKey } from '@/lib/auth/api-keys';
import { demoConversation, seededRandom, type DemoBatchItem } from '@/lib/demo/generate';
import { createWebhook } from '@/lib/webhooks/service';
import { root } from '../build-state';
import { ensureBuild, startNextServer } from './_next-server';
import { cpuAvailable, perUnit, startCpuPhase, type CpuGroups } from './_cpu';
import { machineLine, percentile, requireDatabaseUrl } from './_stats';

const { values } = parseArgs({
  options: {
    messages: { type: 'string' },
    clients: { type: 'string' },
    backlog: { type: 'string' },
    port: { type: 'string' },
    'no-build': { type: 'boolean' },
  },
});
const MESSAGES = Number(values.messages ?? 40_000);
const CLIENTS = Number(values.clients ?? 4);
const BACKLOG = Number(values.backlog ?? 100_000);
const PORT = Number(values.port ?? 3461);
const BATCH = 500;

requireDatabaseUrl();
process.env.WEBHOOK_ALLOW_PRIVATE = '1';
const log = (line: string) => console.log(line);

function buildBatches(prefix: string): { batches: DemoBatchItem[][]; messages: number } {
  const rand = seededRandom(prefix.length * 7919);
  const now = new Date();
  const batches: DemoBatchItem[][] = [];
  let current: DemoBatchItem[] = [];
  let messages = 0;
  for (let i = 0; messages < MESSAGES; i++) {
    // Recent conversations (the last hour), as live traffic is.
    const items = demoConversation(rand, `${prefix}_${i}`, now, 1 / 24, 20_000);
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

type Receiver = { url: string; arrivals: Map<string, number>; count: () => number; close: () => Promise<void> };

async function startReceiver(): Promise<Receiver> {
  const arrivals = new Map<string, number>();
  let count = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      count++;
      try {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (event.type === 'message.created') arrivals.set(`${event.data.conversationId}/${event.data.message.id}`, now);
      } catch {
        // counted anyway
      }
      res.writeHead(200).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    arrivals,
    count: () => count,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function startWorkerProcess(): { pid: number; stop: () => Promise<void> } {
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child: ChildProcess = spawn(process.execPath, [tsx, path.join(root, 'scripts', 'cli.ts'), 'worker'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, WEBHOOK_ALLOW_PRIVATE: '1', CONFAB_DB_APPLICATION_NAME: 'confab-worker' },
  });
  let output = '';
  child.stderr?.on('data', (c) => (output += c));
  return {
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) {
        if (child.exitCode !== 0) console.log(output.slice(-2000));
        return;
      }
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Posts every batch from CLIENTS concurrent clients; returns messages/s and each message's ack time. */
async function ingest(url: string, key: string, batches: DemoBatchItem[][], messages: number) {
  const acked = new Map<string, number>();
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const res = await fetch(`${url}/v1/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ batch }),
        });
        await res.arrayBuffer();
        if (res.status !== 207) failures++;
        const now = Date.now();
        for (const item of batch) {
          if (item.type === 'message') acked.set(`${(item.body as { conversationId: string }).conversationId}/${(item.body as { id: string }).id}`, now);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (failures) throw new Error(`${failures} batch(es) were not accepted`);
  return { rate: messages / seconds, seconds, acked };
}

/** Posts the batches one after another at `rate` messages a second (each batch's messages spread its wait). */
async function ingestAtRate(url: string, key: string, batches: DemoBatchItem[][], rate: number) {
  const acked = new Map<string, number>();
  const started = performance.now();
  let sent = 0;
  const inFlight: Promise<void>[] = [];
  for (const batch of batches) {
    const due = started + (sent / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sent += batch.filter((i) => i.type === 'message').length;
    inFlight.push(
      (async () => {
        const res = await fetch(`${url}/v1/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ batch }),
        });
        await res.arrayBuffer();
        if (res.status !== 207) throw new Error(`a batch answered ${res.status}`);
        const now = Date.now();
        for (const item of batch) {
          if (item.type === 'message') acked.set(`${(item.body as { conversationId: string }).conversationId}/${(item.body as { id: string }).id}`, now);
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  return acked;
}

async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main() {
  await migrateDatabase();
  log(machineLine());
  await ensureBuild(log, !values['no-build']);
  const server = await startNextServer(PORT, { WEBHOOK_ALLOW_PRIVATE: '1', API_RATE_LIMIT_PER_SECOND: '100000', CONFAB_DB_APPLICATION_NAME: 'confab-web', NEXTAUTH_SECRET: randomBytes(32).toString('hex') });
  const receiver = await startReceiver();
  const worker = startWorkerProcess();
  // Where the CPU goes: the web server and the worker, each with its database backends, and this process (the
  // receiver and the clients).
  const groups: CpuGroups = {
    node: { web: [server.pid], worker: [worker.pid] },
    alone: { 'receiver+clients': [process.pid] },
    database: { 'web db': 'confab-web', 'worker db': 'confab-worker' },
  };
  const cpuPhase = () => (cpuAvailable() ? startCpuPhase(sql, groups) : null);
  try {
    const workspace = await insertWorkspace({ name: 'Webhooks bench', slug: `bench-webhooks-${Date.now()}` });
    const { key } = await createApiKey(workspace.id, { name: 'bench', scopes: ['ingest', 'admin'] });

    const plain = buildBatches('plain');
    const withHook = buildBatches('hooked');
    // Warm-up: the first requests compile and fill caches.
    await ingest(server.url, key, buildBatches('warm').batches.slice(0, 4), 1);

    log(`\n1. ingest, ${plain.messages} messages in ${plain.batches.length} batches of ≤${BATCH} items, ${CLIENTS} clients`);
    let phase = await cpuPhase();
    const without = await ingest(server.url, key, plain.batches, plain.messages);
    log(`   without a webhook:                   ${without.rate.toFixed(0)} msg/s (${without.seconds.toFixed(1)} s)`);
    if (phase) log(`     ${perUnit(await phase.stop(), plain.messages, 'message')}`);
    await createWebhook(workspace.id, { url: receiver.url, events: ['message.created'] }, {});
    phase = await cpuPhase();
    const hooked = await ingest(server.url, key, withHook.batches, withHook.messages);
    log(`   with one endpoint on message.created: ${hooked.rate.toFixed(0)} msg/s (${hooked.seconds.toFixed(1)} s)`);
    const deliveredDuring = receiver.arrivals.size;
    const ratio = hooked.rate / without.rate;
    log(`   ratio ${ratio.toFixed(2)}× (target ≥ 0.7×) ${ratio >= 0.7 ? 'PASS' : 'FAIL'}`);

    await waitFor('every message.created delivery', () => receiver.arrivals.size >= withHook.messages, 300_000);
    if (phase) log(`     until the last delivery: ${perUnit(await phase.stop(), withHook.messages, 'message and its delivery')}`);
    log(`     ${deliveredDuring} of ${withHook.messages} deliveries arrived while the run lasted`);
    const flatOut = [...hooked.acked].map(([id, ackAt]) => receiver.arrivals.get(id)! - ackAt);
    log(`   lag while ingesting flat out (the CPU is saturated, deliveries queue): p50 ${percentile(flatOut, 50)} ms, p95 ${percentile(flatOut, 95)} ms`);

    // Live traffic at steady rates: a third and a half of what this machine ingests flat out without webhooks.
    log('');
    for (const [label, share] of [['a third', 3], ['half', 2]] as const) {
      const steadyRate = Math.round(without.rate / share);
      const steady = buildBatches(`steady${share}`);
      const acked = await ingestAtRate(server.url, key, steady.batches, steadyRate);
      await waitFor('every steady message.created delivery', () => [...acked.keys()].every((id) => receiver.arrivals.has(id)), 300_000);
      const lags = [...acked].map(([id, ackAt]) => receiver.arrivals.get(id)! - ackAt);
      const p95 = percentile(lags, 95);
      log(`2. lag from commit to arrival at ${steadyRate} msg/s (${label} of flat out, ${lags.length} deliveries): p50 ${percentile(lags, 50)} ms, p95 ${p95} ms, max ${Math.max(...lags)} ms (target p95 ≤ 2,000 ms) ${p95 <= 2000 ? 'PASS' : 'FAIL'}`);
    }

    // The backlog appears at once (one transaction) in front of the running, warm worker.
    const before = receiver.count();
    log(`\n3. drain: ${BACKLOG} events committed at once in front of the running worker`);
    await sql`
      INSERT INTO outbox_events (workspace_id, event_id, type, conversation_id, payload, created_at)
      SELECT ${workspace.id}::uuid, 'evt_backlog_' || g, 'message.created', 'backlog_' || (g / 10),
        json_build_object('conversationId', 'backlog_' || (g / 10), 'avatarId', 'avt_support', 'message',
          json_build_object('id', 'm' || g, 'role', 'user', 'content', 'Where is my order #' || g || '?', 'createdAt', now(),
            'tokens', json_build_object('prompt', null, 'completion', null), 'sentiment', json_build_object('score', 0, 'label', 'neutral'))),
        now()
      FROM generate_series(1, ${BACKLOG}) AS g`;
    phase = await cpuPhase();
    const drainStarted = performance.now();
    await waitFor('the backlog to drain', () => receiver.count() - before >= BACKLOG, 900_000);
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    if (phase) log(`   ${perUnit(await phase.stop(), BACKLOG, 'delivery')}`);
    const rate = BACKLOG / drainSeconds;
    const [left] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM webhook_deliveries WHERE workspace_id = ${workspace.id}::uuid AND status <> 'delivered'`;
    log(`   ${BACKLOG} deliveries in ${drainSeconds.toFixed(1)} s : ${rate.toFixed(0)} deliveries/s (target ≥ 1,000/s) ${rate >= 1000 ? 'PASS' : 'FAIL'}; not delivered: ${left.n}`);
  } finally {
    await worker.stop();
    await receiver.close();
    await server.stop();
    await closeDb();
  }
}

await main();
