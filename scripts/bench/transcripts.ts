/**
 * `npm run bench -- transcripts [--iterations N] [--exports N] [--scale F]`
 * Runs on the analytics benchmark's full-size workspace (1,000,000 conversations / 10,000,000 messages over
 * 90 days, 20 avatars, times F), reusing the newest complete one in DATABASE_URL or seeding one the same
 * way. Prints p50/p95 of filtered first pages, deep pages and text searches of the conversation list, and
 * the CSV export of every conversation against `COPY … TO STDOUT` of the same rows: time, bytes, rows and
 * peak RSS growth. Targets: filtered page p95 ≤ 150 ms, search p95 ≤ 500 ms, export RSS growth ≤ 150 MB
 * and time ≤ 2× COPY.
 */
import { parseArgs } from 'node:util';
import { closeDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { machineLine, percentile, requireDatabaseUrl } from './_stats';
import { findOrCreateBenchWorkspace, FULL_WORKSPACE } from './analytics-setup';
import { transcriptCases, type CaseGroup, type TranscriptCase } from './transcripts-cases';
import { runCopy, runCsvExport, type ExportRun } from './transcripts-export';

const { values } = parseArgs({ options: { iterations: { type: 'string' }, exports: { type: 'string' }, scale: { type: 'string' } } });
const iterations = Number(values.iterations ?? 30);
const exportRuns = Number(values.exports ?? 3);
const scale = Number(values.scale ?? 1);
const TARGETS = { filteredP95Ms: 150, searchP95Ms: 500, exportRssMb: 150, exportVsCopy: 2 };
const log = (line: string) => console.log(line);

type Row = { c: TranscriptCase; times: number[]; rows: number };

async function measure(cases: TranscriptCase[]): Promise<Row[]> {
  const rows = cases.map((c) => ({ c, times: [] as number[], rows: 0 }));
  for (const r of rows) r.rows = await r.c.run(); // warm-up: module loading, plan caches
  for (let i = 0; i < iterations; i++) {
    for (const r of rows) {
      const started = performance.now();
      await r.c.run();
      r.times.push(performance.now() - started);
    }
  }
  return rows;
}

const LIMIT: Partial<Record<CaseGroup, number>> = { filtered: TARGETS.filteredP95Ms, search: TARGETS.searchP95Ms };

function report(rows: Row[]): Map<CaseGroup, number> {
  const worst = new Map<CaseGroup, number>();
  const pad = (s: string, n: number) => s.padStart(n);
  log(`\nconversation list (${iterations} runs each, ms; 50 per page)`);
  log(`${'case'.padEnd(72)}${pad('p50', 9)}${pad('p95', 9)}${pad('rows', 6)}  verdict`);
  for (const r of rows) {
    const [p50, p95] = [percentile(r.times, 50), percentile(r.times, 95)];
    worst.set(r.c.group, Math.max(worst.get(r.c.group) ?? 0, p95));
    const limit = LIMIT[r.c.group];
    const verdict = limit === undefined ? '(info)' : p95 <= limit ? 'ok' : 'MISSED';
    log(`${`[${r.c.group}] ${r.c.name}`.slice(0, 71).padEnd(72)}${pad(p50.toFixed(1), 9)}${pad(p95.toFixed(1), 9)}${pad(String(r.rows), 6)}  ${verdict}`);
  }
  return worst;
}

const median = (xs: number[]) => percentile(xs, 50);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const passFail = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function exportSection(workspace: { id: string; key: string }, conversations: number) {
  log(`\n${machineLine()}`);
  log(`CSV export of all ${conversations} conversations: GET /v1/conversations?format=csv vs COPY (same SELECT) TO STDOUT (${exportRuns} runs each, alternating)`);
  const csv: ExportRun[] = [];
  const copy: ExportRun[] = [];
  for (let i = 0; i < exportRuns; i++) {
    copy.push(await runCopy(workspace.id));
    csv.push(await runCsvExport(workspace.key));
    const [a, b] = [csv[i], copy[i]];
    log(`  run ${i + 1}: export ${a.seconds.toFixed(1)} s, ${a.rows} rows, ${mb(a.bytes)}, peak RSS +${a.peakRssGrowthMb.toFixed(0)} MiB | COPY ${b.seconds.toFixed(1)} s, ${b.rows} rows, ${mb(b.bytes)}`);
    if (a.rows !== conversations || b.rows !== conversations) throw new Error(`expected ${conversations} rows, got export ${a.rows} / COPY ${b.rows}`);
  }
  const csvSeconds = median(csv.map((r) => r.seconds));
  const copySeconds = median(copy.map((r) => r.seconds));
  const peak = Math.max(...csv.map((r) => r.peakRssGrowthMb));
  log(`  median: export ${csvSeconds.toFixed(1)} s (${(conversations / csvSeconds).toFixed(0)} rows/s), COPY ${copySeconds.toFixed(1)} s; ratio ${(csvSeconds / copySeconds).toFixed(2)}×; peak RSS growth ${peak.toFixed(0)} MiB`);
  const m = await runCsvExport(workspace.key, 'messages');
  log(`  (info) rows=messages, one run: ${m.rows} rows, ${mb(m.bytes)} in ${m.seconds.toFixed(1)} s (${(m.rows / m.seconds).toFixed(0)} rows/s), peak RSS +${m.peakRssGrowthMb.toFixed(0)} MiB`);
  return { ratio: csvSeconds / copySeconds, peak };
}

async function main() {
  requireDatabaseUrl();
  process.env.API_RATE_LIMIT_PER_SECOND ??= '1000000';
  await migrateDatabase();
  log(machineLine());
  const size = { conversations: Math.round(1_000_000 * scale), messages: Math.round(10_000_000 * scale), days: 90, avatars: 20 };
  const workspace = await findOrCreateBenchWorkspace(FULL_WORKSPACE, size, log);
  log(`transcripts benchmark on ${workspace.reused ? 'the existing' : 'a new'} workspace ${workspace.id} (${size.conversations} conversations, ${size.messages} messages)`);

  const worst = report(await measure(await transcriptCases(workspace, size.conversations)));
  const exported = await exportSection(workspace, size.conversations);

  const lines: [string, boolean][] = [
    [`filtered first page p95 ≤ ${TARGETS.filteredP95Ms} ms (worst ${worst.get('filtered')!.toFixed(1)} ms)`, worst.get('filtered')! <= TARGETS.filteredP95Ms],
    [`text search p95 ≤ ${TARGETS.searchP95Ms} ms (worst ${worst.get('search')!.toFixed(1)} ms)`, worst.get('search')! <= TARGETS.searchP95Ms],
    [`export peak RSS growth ≤ ${TARGETS.exportRssMb} MB (${exported.peak.toFixed(0)} MiB)`, exported.peak <= (TARGETS.exportRssMb * 1e6) / 2 ** 20], // the target's MB are 10^6 bytes
    [`export time ≤ ${TARGETS.exportVsCopy}× COPY (${exported.ratio.toFixed(2)}×)`, exported.ratio <= TARGETS.exportVsCopy],
  ];
  log('');
  for (const [text, ok] of lines) log(`${passFail(ok)}  ${text}`);
  log(`deep pages (no target): worst p95 ${worst.get('deep')!.toFixed(1)} ms`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(error);
  await closeDb();
  process.exit(1);
});
