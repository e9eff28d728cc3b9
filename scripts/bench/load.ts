/**
 * `npm run bench -- load [--minutes M] [--rate R] [--warm-up S] [--no-build]`
 * Mixed traffic through the production server (`next start` of the build) for M minutes (default 10,
 * fractions allowed), driven by autocannon at a fixed R requests/s (default 10): 80 % POST /v1/batch with
 * fresh demo conversations, 20 % reads (two analytics endpoints, the conversation list, and the signed-in
 * Overview page). Prints p50/p95/p99 per route, the errors (non-2xx, failed item statuses, socket errors,
 * timeouts), the web process's RSS after a warm-up and at the end, and the most database connections in
 * use. Exits 1 on any error or on RSS growth of 10 % or more.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { closeDb, sql } from '@/db';
import { insertWorkspace } from '@/db/queries/accounts';
import { migrateDatabase } from '@/db/migrate';
import { ensureUserInWorkspace } from '@/lib/auth/accounts';
import { createApiKey } from '@/lib/auth/api-keys';
import { demoConversation, seededRandom } from '@/lib/demo/generate';
import { ingestBatch } from '@/lib/ingest/batch';
import { cookieHeader, signIn, WORKSPACE_COOKIE } from './analytics-render';
import { ensureBuild, startNextServer } from './_next-server';
import { databaseConnections, mb, perMinute, processTreeRss, sampleEvery } from './_load-samples';
import { machineLine, ms, percentile, requireDatabaseUrl } from './_stats';

const { values } = parseArgs({ options: { minutes: { type: 'string' }, rate: { type: 'string' }, 'warm-up': { type: 'string' }, 'no-build': { type: 'boolean' } } });
const minutes = Number(values.minutes ?? 10);
const rate = Math.max(5, Math.round(Number(values.rate ?? 10)));
const PORT = 3471;
// The same traffic before the clock starts: RSS climbs from about 150 MB to about 400 MB as routes load and the heap sizes itself.
const WARM_UP_SECONDS = Number(values['warm-up'] ?? 60);
const BENCH_EMAIL = 'bench-load@example.com';

type Route = { name: string; request: autocannon.Request };
type Tally = { latencies: number[]; non2xx: number; itemErrors: number };

function batchBodies(runId: string) {
  const rand = seededRandom(Date.now() >>> 0);
  let n = 0;
  return () => JSON.stringify({ batch: [0, 1].flatMap(() => demoConversation(rand, `load_${runId}_${n++}`, new Date(), 7, 2000)) });
}

/** 16 batches and 4 reads in each cycle of 20 requests: 80 % ingest, 20 % reads, reads evenly spread. */
function trafficMix(key: string, pageCookie: string, nextBody: () => string): Route[] {
  const api = { authorization: `Bearer ${key}` };
  const batch: Route = {
    name: 'POST /v1/batch',
    request: { method: 'POST', path: '/v1/batch', headers: { ...api, 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: nextBody() }) },
  };
  const reads: Route[] = [
    { name: 'GET /v1/analytics/overview', request: { method: 'GET', path: '/v1/analytics/overview?period=30d', headers: api } },
    { name: 'GET /v1/analytics/conversations', request: { method: 'GET', path: '/v1/analytics/conversations?groupBy=day&period=30d', headers: api } },
    { name: 'GET /v1/conversations', request: { method: 'GET', path: '/v1/conversations?limit=50', headers: api } },
    { name: 'GET /overview (page)', request: { method: 'GET', path: '/overview', headers: { cookie: pageCookie } } },
  ];
  return reads.flatMap((read) => [batch, batch, batch, batch, read]);
}

type Run = { result: autocannon.Result; tallies: Map<string, Tally> };

function drive(url: string, routes: Route[], seconds: number): Promise<Run> {
  const tallies = new Map(routes.map((r) => [r.name, { latencies: [], non2xx: 0, itemErrors: 0 } as Tally]));
  const requests = routes.map((route) => ({
    ...route.request,
    onResponse: (status: number, body: string) => {
      if (route.name !== 'POST /v1/batch' || status !== 207) return;
      const { results } = JSON.parse(body) as { results: { status: number }[] };
      tallies.get(route.name)!.itemErrors += results.filter((r) => r.status < 200 || r.status > 299).length;
    },
  }));
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: 8, overallRate: rate, duration: seconds, timeout: 30, requests }, (error, result) =>
      error ? reject(error) : resolve({ result, tallies }),
    );
    instance.on('response', (client, status, _bytes, responseTime) => {
      // With one request in flight per connection, the iterator still points at the request just answered.
      const index = (client as unknown as { requestIterator: { currentRequestIndex: number } }).requestIterator.currentRequestIndex;
      const tally = tallies.get(routes[index].name)!;
      tally.latencies.push(responseTime);
      if (status < 200 || status > 299) tally.non2xx++;
    });
  });
}

async function main() {
  requireDatabaseUrl();
  await migrateDatabase();
  await ensureBuild((line) => console.log(line), !values['no-build']);
  const runId = randomBytes(4).toString('hex');
  const workspace = await insertWorkspace({ name: `Load benchmark ${runId}`, slug: `bench-load-${runId}` });
  const { key } = await createApiKey(workspace.id, { name: 'bench', scopes: ['ingest', 'read'] });
  const password = `bench-${randomBytes(12).toString('base64url')}`;
  await ensureUserInWorkspace({ email: BENCH_EMAIL, password, slug: workspace.slug, role: 'viewer', resetPassword: true });
  const nextBody = batchBodies(runId);
  for (let i = 0; i < 100; i++) await ingestBatch(workspace.id, JSON.parse(nextBody())); // something to read from the start

  const server = await startNextServer(PORT, {
    DATABASE_URL: process.env.DATABASE_URL,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    AUTH_TRUST_HOST: '1',
  });
  try {
    const cookies = await signIn(server.url, BENCH_EMAIL, password);
    const routes = trafficMix(key, cookieHeader(new Map(cookies).set(WORKSPACE_COOKIE, workspace.id)), nextBody);
    console.log(`load benchmark: ${minutes} min at ${rate} requests/s (80 % POST /v1/batch of 2 demo conversations, 20 % reads), next start on :${PORT}`);
    console.log(machineLine());
    const coldRss = processTreeRss(server.pid);
    await drive(server.url, routes, WARM_UP_SECONDS);
    const startRss = processTreeRss(server.pid);
    const connections = sampleEvery(databaseConnections, 2000);
    const rss = sampleEvery(() => processTreeRss(server.pid).bytes, 2000);
    const { result, tallies } = await drive(server.url, routes, Math.round(minutes * 60));
    const endRss = processTreeRss(server.pid);
    const maxConnections = Math.max(...(await connections.stop()).map((s) => s.value));
    const rssSamples = await rss.stop();
    const maxRss = Math.max(...rssSamples.map((s) => s.value));

    console.log(`${'route'.padEnd(34)}${'requests'.padStart(9)}${'p50'.padStart(11)}${'p95'.padStart(11)}${'p99'.padStart(11)}  non-2xx`);
    for (const [name, t] of tallies) {
      const row = [percentile(t.latencies, 50), percentile(t.latencies, 95), percentile(t.latencies, 99)].map((v) => ms(v).padStart(11)).join('');
      console.log(`${name.padEnd(34)}${String(t.latencies.length).padStart(9)}${row}  ${t.non2xx}${t.itemErrors ? ` (+${t.itemErrors} failed items)` : ''}`);
    }
    const itemErrors = [...tallies.values()].reduce((s, t) => s + t.itemErrors, 0);
    const errorCount = result.non2xx + result.errors + result.timeouts + itemErrors;
    const growth = (endRss.bytes - startRss.bytes) / startRss.bytes;
    console.log(`requests      : ${result.requests.total} in ${result.duration} s (${(result.requests.total / result.duration).toFixed(1)}/s)`);
    console.log(`errors        : ${errorCount} (non-2xx ${result.non2xx}, failed batch items ${itemErrors}, socket errors ${result.errors}, timeouts ${result.timeouts}) ${errorCount === 0 ? 'PASS' : 'FAIL'}`);
    console.log(`web RSS       : ${mb(coldRss.bytes)} cold, ${mb(startRss.bytes)} after a ${WARM_UP_SECONDS} s warm-up, ${mb(endRss.bytes)} at the end (peak ${mb(maxRss)}), ${endRss.processes} process(es): ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % ${growth < 0.1 ? 'PASS' : 'FAIL'} (< 10 %)`);
    console.log(`RSS by minute : ${perMinute(rssSamples).map((m) => `${mb(m.low)}–${mb(m.high)}`.replace(' MB–', '–')).join(', ')}`);
    console.log(`db connections: max ${maxConnections} in use (pg_stat_activity of this database, sampled every 2 s; includes this benchmark's own)`);
    const [{ c, m }] = await sql<{ c: number; m: number }[]>`
      select count(*)::int as c, coalesce(sum(message_count), 0)::int as m from conversations where workspace_id = ${workspace.id}`;
    console.log(`stored        : ${c} conversations, ${m} messages in the bench workspace`);
    process.exitCode = errorCount === 0 && growth < 0.1 ? 0 : 1;
  } finally {
    await server.stop();
    await sql`delete from workspaces where id = ${workspace.id}`;
    await closeDb();
  }
}

main().catch(async (error) => {
  console.error(error);
  await closeDb();
  process.exit(1);
});
