/**
 * `npm run bench -- pages --embedded`: the embedded default as a newcomer meets it. Runs `npm start` with
 * no DATABASE_URL and an empty data directory (its own, in the system's temp directory), times the first
 * start to serving, signs in as the demo user, and measures every dashboard page: the whole streamed
 * response over HTTP (median and p95), and in Chromium the Largest Contentful Paint after navigation, read
 * from the browser's performance API. The browser pass runs first, right after the start, while the
 * worker's first sweeps and back-fills run. Stops `npm start` and everything it started at the end.
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
import postgres from 'postgres';
import { DEMO_USER } from '@/lib/demo/seed';
import { cookieHeader, signIn } from './analytics-render';
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

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the group (npm start stops its server, worker and database), SIGKILL after 20 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid!;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  for (let i = 0; i < 200 && groupAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pid)) {
    signal('SIGKILL');
    for (let i = 0; i < 50 && groupAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (groupAlive(pid)) throw new Error(`processes of npm start (group ${pid}) are still running`);
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

/** Goals whose back-fill is waiting or running, read from the embedded database npm start announced. */
async function backfillsLeft(dataDir: string): Promise<number | null> {
  try {
    const { url } = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded.json'), 'utf8')) as { url: string };
    const db = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await db<{ n: number }[]>`select count(*)::int as n from goals where backfill_status in ('pending', 'running')`;
      return row.n;
    } finally {
      await db.end();
    }
  } catch {
    return null;
  }
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

async function browserPass(url: string, runs: number, screenshot: string | null) {
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
    const lcp = new Map<string, { at: number; element: string }[]>();
    for (let run = 0; run < runs; run++) {
      for (const p of PAGES) {
        await page.goto(`${url}${p}`, { waitUntil: 'networkidle' });
        lcp.set(p, [...(lcp.get(p) ?? []), await readLcp(page)]);
      }
    }
    if (screenshot) {
      await page.goto(`${url}/overview`, { waitUntil: 'networkidle' });
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    return { signInToOverview, lcp };
  } finally {
    await browser.close();
  }
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
    log(machineLine());
    log(`goal back-fills waiting or running as the browser starts: ${(await backfillsLeft(dataDir)) ?? 'unknown'}`);

    const browser = await browserPass(url, lcpRuns, screenshot);
    log(`\nChromium, LCP after navigation (ms; ${lcpRuns} visit(s) per page, the first right after the start), target ≤ ${TARGET.lcpMs} ms`);
    log(`  sign-in click to the Overview's dashboard shown: ${browser.signInToOverview} ms`);
    for (const [p, visits] of browser.lcp) {
      const values = visits.map((v) => v.at);
      const worst = visits.reduce((a, b) => (b.at > a.at ? b : a));
      failed ||= worst.at > TARGET.lcpMs;
      log(`  ${p.padEnd(14)} first ${values[0].toFixed(0).padStart(5)}  median ${percentile(values, 50).toFixed(0).padStart(5)}  worst ${worst.at.toFixed(0).padStart(5)}  ${verdict(worst.at, TARGET.lcpMs).padEnd(7)}  (LCP element: ${worst.element})`);
    }
    log(machineLine());

    const http = await httpPass(url, runs);
    log(`\nWhole streamed response, signed in (ms; ${runs} fetches per page), target median ≤ ${TARGET.responseMs} ms`);
    for (const [p, { times, bytes }] of http) {
      const median = percentile(times, 50);
      failed ||= median > TARGET.responseMs;
      log(`  ${p.padEnd(14)} median ${median.toFixed(1).padStart(6)}  p95 ${percentile(times, 95).toFixed(1).padStart(6)}  ${(bytes / 1024).toFixed(0).padStart(4)} KB  ${verdict(median, TARGET.responseMs)}`);
    }
    log(machineLine());
    if (screenshot) log(`\nOverview screenshot: ${screenshot}`);
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await stopGroup(start.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

await main();
