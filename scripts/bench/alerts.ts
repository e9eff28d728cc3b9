/**
 * `npm run bench -- alerts [--workspaces N] [--rules-per-workspace N] [--iterations N] [--no-build]`
 * On the analytics benchmark's tenth-size data (100,000 conversations / 1,000,000 messages over 90 days,
 * 20 avatars; reused when DATABASE_URL holds a complete one) plus 99 small workspaces (1,000 conversations
 * each), 10 rules per workspace — 1,000 rules over every additive metric and unique users, all three windows,
 * per avatar and not, value and change:
 * 1. Check pass: `npm run cli -- evaluate-alerts` as its own process, three passes a few minutes apart: the
 *    pass's duration as it reports it, and the process's wall time. Target ≤ 5 s a pass.
 * 2. Back-test: `POST /v1/alerts/preview` of the escalation-rate rule over 30 days against `next start` on a
 *    production build, with a read key: p50/p95. Target p95 ≤ 500 ms. For comparison, in the same run: the
 *    same 720 hourly checks read one by one (what the checker does per pass), the cost the preview avoids.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { closeDb, sql } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { targetOf } from '@/lib/alerts/check';
import { readMetric } from '@/lib/alerts/metrics';
import { createAlertRule } from '@/lib/alerts/service';
import type { AlertRuleInput } from '@/lib/alerts/schemas';
import { createApiKey } from '@/lib/auth/api-keys';
import { machineLine, percentile, requireDatabaseUrl } from './_stats';
import { ensureBuild, startNextServer } from './_next-server';
import { createBenchWorkspace, findOrCreateBenchWorkspace, TENTH_WORKSPACE } from './analytics-setup';

const { values } = parseArgs({ options: { workspaces: { type: 'string' }, 'rules-per-workspace': { type: 'string' }, iterations: { type: 'string' }, 'no-build': { type: 'boolean' } } });
const WORKSPACES = Number(values.workspaces ?? 100);
const RULES_PER_WORKSPACE = Number(values['rules-per-workspace'] ?? 10);
const ITERATIONS = Number(values.iterations ?? 30);
const TARGET_PASS_MS = 5000;
const TARGET_PREVIEW_P95_MS = 500;
const SMALL_NAME = 'Alerts benchmark (small)';
const log = (line: string) => console.log(line);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

const RULES: AlertRuleInput[] = [
  { name: 'Daily conversations below 50', metric: 'conversations', window: '24h', condition: { op: 'below', threshold: 50 } },
  { name: 'Escalation rate above 10 %', metric: 'escalation_rate', window: '24h', condition: { op: 'above', threshold: 0.1 } },
  { name: 'Slow answers', metric: 'avg_response_time', window: '1h', condition: { op: 'above', threshold: 5000 } },
  { name: 'Users', metric: 'unique_users', window: '24h', condition: { op: 'below', threshold: 10 } },
  { name: 'Negative sentiment', metric: 'negative_sentiment_rate', window: '7d', condition: { op: 'above', threshold: 0.3 }, minConversations: 20 },
  { name: 'Tokens', metric: 'token_usage', window: '1h', condition: { op: 'above', threshold: 1e7 } },
  { name: 'Completion down', metric: 'completion_rate', window: '7d', condition: { op: 'below', threshold: -0.2, compare: 'change' } },
  { name: 'Messages per avatar', metric: 'messages', window: '1h', avatarId: 'avt_01', condition: { op: 'below', threshold: 1 }, noData: 'keep' },
  { name: 'Long conversations', metric: 'avg_duration', window: '24h', avatarId: 'avt_02', condition: { op: 'above', threshold: 1800 } },
  { name: 'Negative feedback', metric: 'negative_feedback_rate', window: '24h', condition: { op: 'above', threshold: 0.25 }, forChecks: 3 },
];

async function benchWorkspaces(): Promise<{ tenth: { id: string }; all: string[] }> {
  const tenthSize = { conversations: 100_000, messages: 1_000_000, days: 90, avatars: 20 };
  const tenth = await findOrCreateBenchWorkspace(TENTH_WORKSPACE, tenthSize, log);
  log(`  tenth-size workspace ${tenth.reused ? 'reused' : `seeded in ${tenth.seconds.toFixed(0)} s`}: ${tenth.id}`);
  const small = { conversations: 1000, messages: 10_000, days: 90, avatars: 20 };
  const existing = await sql<{ id: string }[]>`SELECT id FROM workspaces WHERE name = ${SMALL_NAME} ORDER BY created_at`;
  const ids = existing.map((w) => w.id).slice(0, WORKSPACES - 1);
  const end = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const started = performance.now();
  while (ids.length < WORKSPACES - 1) ids.push((await createBenchWorkspace(SMALL_NAME, small, end, () => {})).id);
  if (existing.length < WORKSPACES - 1) log(`  ${WORKSPACES - 1 - existing.length} small workspaces seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { tenth, all: [tenth.id, ...ids] };
}

async function ensureRules(workspaceIds: string[]): Promise<number> {
  let created = 0;
  for (const ws of workspaceIds) {
    const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM alert_rules WHERE workspace_id = ${ws}::uuid`;
    for (let i = n; i < RULES_PER_WORKSPACE; i++) {
      await createAlertRule(ws, RULES[i % RULES.length], {});
      created++;
    }
  }
  const [{ total }] = await sql<{ total: number }[]>`SELECT count(*)::int AS total FROM alert_rules WHERE enabled`;
  log(`  ${total} enabled rules (${created} created now)`);
  return total;
}

function runCli(args: string[]): Promise<{ wallMs: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    let errors = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (errors += c));
    child.on('exit', (code) => (code === 0 ? resolve({ wallMs: performance.now() - started, output }) : reject(new Error(`evaluate-alerts exited ${code}: ${errors.slice(-2000)}`))));
  });
}

async function main() {
  requireDatabaseUrl();
  process.env.API_RATE_LIMIT_PER_SECOND ??= '1000000';
  await migrateDatabase();
  log(machineLine());
  const { tenth, all } = await benchWorkspaces();
  const rules = await ensureRules(all);

  log(`\n1. Check pass: npm run cli -- evaluate-alerts over ${rules} rules in ${all.length} workspaces`);
  let worst = 0;
  for (const minutesAgo of [10, 5, 0]) {
    const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const { wallMs, output } = await runCli(['evaluate-alerts', '--at', at]);
    const pass = JSON.parse(output.trim().split('\n').at(-1)!) as { checked: number; failed: number; fired: number; resolved: number; durationMs: number };
    worst = Math.max(worst, pass.durationMs);
    log(`  --at ${at}: pass ${pass.durationMs} ms (${pass.checked} checked, ${pass.failed} failed, ${pass.fired} fired, ${pass.resolved} resolved); process wall time ${(wallMs / 1000).toFixed(1)} s`);
  }
  log(`  slowest pass ${worst} ms — target ≤ ${TARGET_PASS_MS} ms: ${verdict(worst <= TARGET_PASS_MS)}`);

  log(`\n2. Back-test: POST /v1/alerts/preview, escalation rate over 24 h windows, 30 days hourly (720 checks), tenth-size workspace`);
  await ensureBuild(log, !values['no-build']);
  const server = await startNextServer(Number(process.env.BENCH_PORT ?? 3290), { DATABASE_URL: process.env.DATABASE_URL, API_RATE_LIMIT_PER_SECOND: '1000000', NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'alerts-bench-secret' });
  try {
    const { key } = await createApiKey(tenth.id, { name: 'bench alerts', scopes: ['read'] });
    const preview = async (rule: AlertRuleInput) => {
      const started = performance.now();
      const res = await fetch(`${server.url}/v1/alerts/preview`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ rule, period: '30d' }) });
      const body = (await res.json()) as { checks: number; firings: unknown[] };
      if (res.status !== 200) throw new Error(`preview answered ${res.status}: ${JSON.stringify(body)}`);
      return { ms: performance.now() - started, body };
    };
    const timed = async (rule: AlertRuleInput, n: number) => {
      for (let i = 0; i < 3; i++) await preview(rule); // warm-up
      const times: number[] = [];
      let last: { checks: number; firings: unknown[] } | null = null;
      for (let i = 0; i < n; i++) {
        const r = await preview(rule);
        times.push(r.ms);
        last = r.body;
      }
      return { p50: percentile(times, 50), p95: percentile(times, 95), last: last! };
    };
    const escalation = await timed(RULES[1], ITERATIONS);
    log(`  escalation_rate: p50 ${escalation.p50.toFixed(1)} ms, p95 ${escalation.p95.toFixed(1)} ms (${escalation.last.checks} checks, ${escalation.last.firings.length} firings) — target p95 ≤ ${TARGET_PREVIEW_P95_MS} ms: ${verdict(escalation.p95 <= TARGET_PREVIEW_P95_MS)}`);
    const users = await timed(RULES[3], Math.max(5, Math.floor(ITERATIONS / 3)));
    log(`  unique_users (read per check, not additive; info): p50 ${users.p50.toFixed(1)} ms, p95 ${users.p95.toFixed(1)} ms`);

    // The comparison: the same 720 checks read one at a time, as 720 passes of the checker would.
    const target = await targetOf({ workspace_id: tenth.id, metric: 'escalation_rate', time_window: '24h', avatar_id: null, goal_id: null, funnel_id: null, funnel_step: null });
    const last = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const started = performance.now();
    for (let i = 0; i < 720; i++) await readMetric(tenth.id, target, [new Date(last - i * 3_600_000)], false);
    const oneByOne = performance.now() - started;
    log(`  comparison — the same 720 checks read one by one (in-process, no HTTP): ${oneByOne.toFixed(0)} ms, ${(oneByOne / escalation.p50).toFixed(1)}× the preview's p50`);
  } finally {
    await server.stop();
  }
  log(`\n${machineLine()}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
