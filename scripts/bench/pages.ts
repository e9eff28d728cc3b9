/**
 * `npm run bench -- pages --embedded`: the embedded default as a newcomer meets it. Runs `npm start` with
 * no DATABASE_URL and an empty data directory (its own, in the system's temp directory), times the first
 * start to serving, signs in as the demo user, and measures every dashboard page: the whole streamed
 * response over HTTP (median and p95), and in Chromium the Largest Contentful Paint after navigation, read
 * from the browser's performance API. The first browser pass runs right after the start, while the
 * worker's first sweeps run; a last one while a newly created goal back-fills every demo conversation.
 * Stops `npm start` and everything it started at the end; exits 1 when a target is missed.
 *
 * Options: --rebuild (remove .next first, so the first start includes the build, as on a fresh clone),
 * --runs N (HTTP fetches per page, default 5), --lcp-runs N (browser visits per page, default 3),
 * --port P (default 3330; the embedded database takes P+1), --screenshot FILE (the Overview, full page).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright';
import { closeDb, sql } from '@/db';
import { DEMO_USER, DEMO_WORKSPACE } from '@/lib/demo/seed';
import { createGoal, deleteGoal, updateGoal } from '@/lib/goals/service';
import { cookieHeader, signIn } from './analytics-render';
import { stopProcessGroup } from './_process-group';
import { machineLine, percentile } from './_stats';
import { root } from '../build-state';

const PAGES = ['/overview', '/avatars', '/transcripts', '/goals', '/sentiment', '/alerts', '/settings'];
const TARGET = { firstStartSeconds: 60, responseMs: 150, lcpMs: 1000 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
}

const verdict = (value: number, target: number) => (value <= target ? 'met' : 'NOT MET');
const log = (line: string) => console.log(line);

type Start = { child: ChildProcess; output: () => string; marks: Map<string, number> };

/** `npm start` in its own process group, noting when the seed and the build end (seconds since spawn). */
function startNpm(port: number, dataDir: string): Start {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_DB_PORT: String(port + 1), CONFAB_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_URL;
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const marks = new Map<string, number>();
  const watch = [
    ['seeded', /demo conversations \(\d+ items\) ingested/],
    ['built', /\(Dynamic\)\s+server-rendered/],
    ['worker', /\[worker\]/],
  ] as const;
  const take = (chunk: Buffer) => {
    output = (output + chunk).slice(-50_000);
    for (const [name, pattern] of watch) if (!marks.has(name) && pattern.test(output)) marks.set(name, (performance.now() - started) / 1000);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return { child, output: () => output, marks };
}

async function waitUntilServing(url: string, start: Start, timeoutSeconds: number): Promise<number> {
  const began = performance.now();
  while (performance.now() - began < timeoutSeconds * 1000) {
    if (start.child.exitCode !== null) throw new Error(`npm start exited with ${start.child.exitCode}:\n${start.output().slice(-3000)}`);
    const ok = await fetch(`${url}/sign-in`, { signal: AbortSignal.timeout(5000) }).then((res) => res.status === 200, () => false);
    if (ok) return (performance.now() - began) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`npm start did not serve ${url}/sign-in within ${timeoutSeconds} s:\n${start.output().slice(-3000)}`);
}

/** Points this process's database client at the embedded database npm start announced. */
function connectToEmbeddedDatabase(dataDir: string): void {
  process.env.DATABASE_URL = (JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded.json'), 'utf8')) as { url: string }).url;
}

/** Goals whose back-fill is waiting or running. */
async function backfillsLeft(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from goals where backfill_status in ('pending', 'running')`;
  return row.n;
}

/** The page's LCP (ms after navigation start) and its element, once the streamed document has loaded and the network is idle. */
async function readLcp(page: Page): Promise<{ at: number; element: string }> {
  const lcp = await page.evaluate(
    () =>
      new Promise<{ at: number; element: string } | null>((resolve) => {
        let last: { at: number; element: string } | null = null;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
            const e = entry.element;
            last = { at: entry.startTime, element: e ? `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 40)}"` : '?' };
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(last), 100);
      }),
  );
  if (lcp === null) throw new Error(`no largest-contentful-paint entry on ${page.url()}`);
  return lcp;
}

type Visit = { at: number; element: string; duringBackfill: boolean };

/**
 * Signs in through the form (timing the click to the Overview's dashboard), then visits every page `runs`
 * times, reading each visit's LCP; `backfillRunning` tells whether a back-fill ran as a visit began.
 */
async function browserPass(url: string, runs: number, options: { screenshot?: string | null; backfillRunning?: () => Promise<boolean> } = {}) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}/sign-in`);
    await page.getByLabel('Email').fill(DEMO_USER.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_USER.password);
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/overview/, { timeout: 30_000 });
    await page.getByText('Conversations over time').first().waitFor({ timeout: 30_000 });
    const signInToOverview = Date.now() - clicked;
    await page.waitForLoadState('networkidle');
    const lcp = new Map<string, Visit[]>();
    for (let run = 0; run < runs; run++) {
      for (const p of PAGES) {
        const duringBackfill = (await options.backfillRunning?.()) ?? false;
        await page.goto(`${url}${p}`, { waitUntil: 'networkidle' });
        lcp.set(p, [...(lcp.get(p) ?? []), { ...(await readLcp(page)), duringBackfill }]);
      }
    }
    if (options.screenshot) {
      await page.goto(`${url}/overview`, { waitUntil: 'networkidle' });
      await page.screenshot({ path: options.screenshot, fullPage: true });
    }
    return { signInToOverview, lcp };
  } finally {
    await browser.close();
  }
}

/** Prints a browser pass; true when every visit met the LCP target. */
function reportLcp(title: string, pass: Awaited<ReturnType<typeof browserPass>>): boolean {
  log(`\n${title}, target ≤ ${TARGET.lcpMs} ms`);
  log(`  sign-in click to the Overview's dashboard shown: ${pass.signInToOverview} ms`);
  let met = true;
  for (const [p, visits] of pass.lcp) {
    const values = visits.map((v) => v.at);
    const worst = visits.reduce((a, b) => (b.at > a.at ? b : a));
    met &&= worst.at <= TARGET.lcpMs;
    const during = visits.filter((v) => v.duringBackfill).length;
    log(
      `  ${p.padEnd(14)} first ${values[0].toFixed(0).padStart(5)}  median ${percentile(values, 50).toFixed(0).padStart(5)}  worst ${worst.at.toFixed(0).padStart(5)}  ${verdict(worst.at, TARGET.lcpMs).padEnd(7)}` +
        `${during ? `  ${during}/${visits.length} during the back-fill` : ''}  (LCP element: ${worst.element})`,
    );
  }
  return met;
}

/**
 * A goal over the demo data that is kept back-filling: `ensureRunning` (called as each visit begins)
 * redefines it whenever its last back-fill has ended, and waits until the worker runs the new one.
 */
async function startBackfills() {
  const [ws] = await sql<{ id: string; n: number }[]>`
    select w.id, (select count(*)::int from conversations c where c.workspace_id = w.id) as n from workspaces w where w.slug = ${DEMO_WORKSPACE.slug}`;
  const phrases = (round: number) => ['thank you', 'thanks', `bench round ${round}`];
  const goal = await createGoal(ws.id, { name: `Bench back-fill ${Date.now().toString(36)}`, trigger: { type: 'phrases', phrases: phrases(0) } }, {});
  let rounds = 1;
  const status = async () => (await sql<{ status: string }[]>`select backfill_status as status from goals where workspace_id = ${ws.id} and id = ${goal.id}`)[0].status;
  const ensureRunning = async () => {
    if (['done', 'failed', 'idle'].includes(await status())) await updateGoal(ws.id, goal.id, { trigger: { type: 'phrases', phrases: phrases(rounds++) } }, {});
    for (let i = 0; i < 100 && (await status()) === 'pending'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return (await status()) === 'running';
  };
  await ensureRunning();
  return { conversations: ws.n, ensureRunning, rounds: () => rounds, remove: () => deleteGoal(ws.id, goal.id, {}) };
}

async function httpPass(url: string, runs: number) {
  const cookies = await signIn(url, DEMO_USER.email, DEMO_USER.password);
  const results = new Map<string, { times: number[]; bytes: number }>();
  for (const p of PAGES) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const began = performance.now();
      const res = await fetch(`${url}${p}`, { redirect: 'manual', headers: { cookie: cookieHeader(cookies) } });
      const body = await res.text();
      times.push(performance.now() - began);
      if (res.status !== 200 || !body.includes('</html>')) throw new Error(`${p} answered ${res.status}: ${body.slice(0, 300)}`);
      bytes = body.length;
    }
    results.set(p, { times, bytes });
  }
  return results;
}

async function main() {
  if (!process.argv.includes('--embedded')) {
    console.error('Usage: npm run bench -- pages --embedded [--rebuild] [--runs 5] [--lcp-runs 3] [--port 3330] [--screenshot FILE]');
    process.exit(2);
  }
  const port = option('--port', 3330);
  const runs = option('--runs', 5);
  const lcpRuns = option('--lcp-runs', 3);
  const shotAt = process.argv.indexOf('--screenshot');
  const screenshot = shotAt > 0 ? path.resolve(process.argv[shotAt + 1]) : null;
  const url = `http://127.0.0.1:${port}`;
  log(`Embedded pages bench · ${new Date().toISOString()}`);
  log(machineLine());
  if (process.argv.includes('--rebuild')) fs.rmSync(path.join(root, '.next'), { recursive: true, force: true });
  const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confab-pages-'));
  const start = startNpm(port, dataDir);
  let failed = false;
  try {
    const firstStart = await waitUntilServing(url, start, 600);
    const phases = [...start.marks].filter(([name]) => name !== 'worker').map(([name, s]) => `${name} at ${s.toFixed(1)} s`).join(', ');
    log(`first start to serving: ${firstStart.toFixed(1)} s (${built ? 'build already current' : 'including the build'}${phases ? `; ${phases}` : ''})  target ≤ ${TARGET.firstStartSeconds} s: ${built ? 'n/a (use --rebuild)' : verdict(firstStart, TARGET.firstStartSeconds)}`);
    failed ||= !built && firstStart > TARGET.firstStartSeconds;
    log(machineLine());
    connectToEmbeddedDatabase(dataDir);
    log(`goal back-fills waiting or running as the browser starts: ${await backfillsLeft()}`);

    const first = await browserPass(url, lcpRuns, { screenshot, backfillRunning: async () => (await backfillsLeft()) > 0 });
    failed = !reportLcp(`Chromium, LCP after navigation (ms; ${lcpRuns} visit(s) per page, the first right after the start)`, first) || failed;
    log(machineLine());

    const http = await httpPass(url, runs);
    log(`\nWhole streamed response, signed in (ms; ${runs} fetches per page), target median ≤ ${TARGET.responseMs} ms`);
    for (const [p, { times, bytes }] of http) {
      const median = percentile(times, 50);
      failed ||= median > TARGET.responseMs;
      log(`  ${p.padEnd(14)} median ${median.toFixed(1).padStart(6)}  p95 ${percentile(times, 95).toFixed(1).padStart(6)}  ${(bytes / 1024).toFixed(0).padStart(4)} KB  ${verdict(median, TARGET.responseMs)}`);
    }
    log(machineLine());

    // A newcomer's first goals: their back-fills walk every demo conversation while the dashboard is in use.
    const backfills = await startBackfills();
    const during = await browserPass(url, 1, { backfillRunning: backfills.ensureRunning });
    failed = !reportLcp(`Chromium, LCP while goal back-fills run over all ${backfills.conversations} demo conversations (ms; 1 visit per page)`, during) || failed;
    log(`  ${backfills.rounds()} back-fill(s) ran during the pass`);
    await backfills.remove();
    log(machineLine());
    if (screenshot) log(`\nOverview screenshot: ${screenshot}`);
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await closeDb().catch(() => undefined);
    await stopProcessGroup(start.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

await main();
