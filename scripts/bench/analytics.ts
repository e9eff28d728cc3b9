/**
 * `npm run bench -- analytics [--iterations N] [--scale F] [--no-build] [--no-render] [--reuse]`
 * Seeds two fresh workspaces set-wise in SQL — 1,000,000 conversations / 10,000,000 messages over 90 days
 * for 20 avatars, and one tenth of that (times F) — then times every analytics function and endpoint on
 * both, interleaved so that both sizes see the same machine load, and prints p50/p95 and the full/tenth
 * ratios against the targets of issue #19: full ≤ 1.5× tenth at p50 and at p95 for every case, /v1
 * endpoints p95 ≤ 20 ms at full size (lib functions, in-process, ≤ 150 ms). The endpoints and, last, the
 * Overview page's server render are timed over HTTP on a production server (`next start`, port 3310 or
 * BENCH_PORT; built first when `.next` is missing or stale, unless --no-build); the render against p95 ≤
 * 100 ms at full size and the same ratios.
 * --reuse times the newest complete workspaces of both sizes already in DATABASE_URL instead of seeding
 * (for a rerun soon after a seed: the data ends at the hour it was seeded). --no-render skips the page render (the endpoints still go over HTTP).
 */
import { parseArgs } from 'node:util';
import { closeDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { machineLine, percentile, requireDatabaseUrl } from './_stats';
import { endpointCases, LIB_CASES, type BenchCase, type BenchTarget } from './analytics-cases';
import { pageCase, startRenderSession } from './analytics-render';
import { createBenchWorkspace, findOrCreateBenchWorkspace, FULL_WORKSPACE, TENTH_WORKSPACE } from './analytics-setup';

const { values } = parseArgs({ options: { iterations: { type: 'string' }, scale: { type: 'string' }, 'no-build': { type: 'boolean' }, 'no-render': { type: 'boolean' }, reuse: { type: 'boolean' } } });
const iterations = Number(values.iterations ?? 30);
const scale = Number(values.scale ?? 1);
const TARGET_LIB_P95_MS = 150;
const TARGET_API_P95_MS = 20;
const TARGET_RENDER_P95_MS = 100;
const TARGET_RATIO = 1.5;
const log = (line: string) => console.log(line);

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

type Row = { name: string; full: number[]; tenth: number[] };

async function measure(cases: BenchCase[], full: BenchTarget, tenth: BenchTarget): Promise<Row[]> {
  const rows = cases.map((c) => ({ name: c.name, full: [] as number[], tenth: [] as number[] }));
  for (const c of cases) for (const t of [full, tenth]) await c.run(t); // warm-up: module loading, plan caches
  for (let i = 0; i < iterations; i++) {
    for (const [k, c] of cases.entries()) {
      const [a, b] = i % 2 === 0 ? [full, tenth] : [tenth, full];
      const ta = await time(() => c.run(a));
      const tb = await time(() => c.run(b));
      rows[k].full.push(a === full ? ta : tb);
      rows[k].tenth.push(a === full ? tb : ta);
    }
  }
  return rows;
}

function report(title: string, rows: Row[], targetP95: number): boolean {
  const pad = (s: string, n: number) => s.padStart(n);
  log(`\n${title} (${iterations} runs each, ms)`);
  log(`${'case'.padEnd(58)}${pad('full p50', 10)}${pad('full p95', 10)}${pad('1/10 p50', 10)}${pad('1/10 p95', 10)}${pad('ratio p50', 11)}${pad('ratio p95', 11)}  verdict`);
  let ok = true;
  for (const r of rows) {
    const [f50, f95, t50, t95] = [percentile(r.full, 50), percentile(r.full, 95), percentile(r.tenth, 50), percentile(r.tenth, 95)];
    const pass = f95 <= targetP95 && f50 / t50 <= TARGET_RATIO && f95 / t95 <= TARGET_RATIO;
    const isPageData = r.name.startsWith('benchOverviewData');
    if (!isPageData) ok &&= pass;
    log(
      `${r.name.padEnd(58)}${pad(f50.toFixed(1), 10)}${pad(f95.toFixed(1), 10)}${pad(t50.toFixed(1), 10)}${pad(t95.toFixed(1), 10)}` +
        `${pad((f50 / t50).toFixed(2), 11)}${pad((f95 / t95).toFixed(2), 11)}  ${isPageData ? '(page, info)' : pass ? 'ok' : 'MISSED'}`,
    );
  }
  return ok;
}

async function main() {
  requireDatabaseUrl();
  process.env.API_RATE_LIMIT_PER_SECOND ??= '1000000';
  await migrateDatabase();
  const end = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const full = { conversations: Math.round(1_000_000 * scale), messages: Math.round(10_000_000 * scale), days: 90, avatars: 20 };
  const tenth = { ...full, conversations: Math.round(full.conversations / 10), messages: Math.round(full.messages / 10) };

  log(machineLine());
  log(`${values.reuse ? 'reusing (or seeding)' : 'seeding'} ${full.conversations} conversations / ${full.messages} messages, then ${tenth.conversations} / ${tenth.messages}`);
  const seed = async (name: string, size: typeof full) =>
    values.reuse ? findOrCreateBenchWorkspace(name, size, log) : { ...(await createBenchWorkspace(name, size, end, log)), reused: false };
  const big = await seed(FULL_WORKSPACE, full);
  log(`  full size ${big.reused ? `reused: ${big.id}` : `seeded in ${big.seconds.toFixed(0)} s`}`);
  const small = await seed(TENTH_WORKSPACE, tenth);
  log(`  tenth size ${small.reused ? `reused: ${small.id}` : `seeded in ${small.seconds.toFixed(0)} s`}`);

  const libOk = report('lib/analytics functions (in-process)', await measure(LIB_CASES, big, small), TARGET_LIB_P95_MS);
  log(`\n${machineLine()}`);
  log('/v1 endpoints and the Overview page: next start on a production build, over HTTP');
  const session = await startRenderSession([big, small], log, { allowRebuild: !values['no-build'] });
  try {
    const apiOk = report('/v1 endpoints (HTTP GET, real read key)', await measure(endpointCases(session.server.url), big, small), TARGET_API_P95_MS);
    log(
      `\ntargets (full ≤ ${TARGET_RATIO}× tenth at p50 and p95; p95 at full size ≤ ${TARGET_API_P95_MS} ms for /v1, ≤ ${TARGET_LIB_P95_MS} ms for lib): ` +
        `${libOk && apiOk ? 'all met' : 'NOT all met'}`,
    );
    if (!values['no-render']) {
      log(`\n${machineLine()}`);
      const cases = ['/overview?period=30d', '/overview?period=30d&avatarId=avt_03'].map((path) => pageCase(session, path));
      const renderOk = report('Overview page (HTTP GET as a signed-in viewer, whole streamed HTML)', await measure(cases, big, small), TARGET_RENDER_P95_MS);
      log(`\ntarget (render p95 ≤ ${TARGET_RENDER_P95_MS} ms at full size, full ≤ ${TARGET_RATIO}× tenth at p50 and p95): ${renderOk ? 'met' : 'NOT met'}`);
    }
  } finally {
    await session.server.stop();
  }
  log(`\n${machineLine()}`);
  log(`workspaces kept for inspection: full ${big.id}, tenth ${small.id}`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(error);
  await closeDb();
  process.exit(1);
});
