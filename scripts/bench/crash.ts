/**
 * `npm run bench -- crash [--rounds N] [--batches B] [--clients C] [--server next|route] [--hold-ms MS] [--no-build]`
 * Crash safety, at length: each round starts the server as its own process group (the production build
 * by default, or the bare /v1 route server), posts B batches from C clients, SIGKILLs the group after a
 * random number of acknowledgements, restarts it on the same database and resends every batch that was
 * not acknowledged plus a few that were. At the end every message must be stored exactly once and the
 * rollups must equal a rebuild from the rows; exits 1 otherwise. `--hold-ms` (route server only, default
 * 300) delays each answer after the commit, so kills also land on committed but unacknowledged batches.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { closeDb, sql } from '@/db';
import { insertWorkspace } from '@/db/queries/accounts';
import { migrateDatabase } from '@/db/migrate';
import { createApiKey } from '@/lib/auth/api-keys';
import { seededRandom } from '@/lib/demo/generate';
import { expectAnalyticsRollupsConsistent } from '@/test/analytics-rollup-invariants';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { buildCrashBatches, checkStored, countStoredBatches, resendAll, sendAll, type CrashBatch } from './_crash-traffic';
import { ensureBuild } from './_next-server';
import { startNextServerGroup, startRouteServerGroup, type GroupServer } from './_process-group';
import { machineLine, requireDatabaseUrl } from './_stats';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    batches: { type: 'string' },
    clients: { type: 'string' },
    server: { type: 'string' },
    'hold-ms': { type: 'string' },
    'no-build': { type: 'boolean' },
  },
});
const rounds = Number(values.rounds ?? 5);
const batchesPerRound = Number(values.batches ?? 150);
const clients = Number(values.clients ?? 8);
const kind = values.server ?? 'next';
const holdMs = Number(values['hold-ms'] ?? 300);
const PORT = 3473;
if ((kind !== 'next' && kind !== 'route') || !(rounds >= 1) || !(batchesPerRound >= 2) || !(clients >= 1)) {
  console.error('Usage: npm run bench -- crash [--rounds N] [--batches B≥2] [--clients C] [--server next|route] [--hold-ms MS] [--no-build]');
  process.exit(2);
}

async function startServer(): Promise<GroupServer> {
  const env = { DATABASE_URL: process.env.DATABASE_URL, API_RATE_LIMIT_PER_SECOND: '100000', NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), AUTH_TRUST_HOST: '1' };
  return kind === 'route' ? startRouteServerGroup(PORT, env, holdMs) : startNextServerGroup(PORT, env);
}

type Totals = { sent: number; acked: number; inFlight: number; committedUnacked: number; resent: number; resentAcked: number; rejected: string[] };

async function runRound(round: number, key: string, workspaceId: string, totals: Totals, pick: () => number): Promise<CrashBatch[]> {
  const batches = buildCrashBatches(`r${round}`, batchesPerRound, 6, 1000 + round);
  const killAfter = Math.max(1, Math.floor(batchesPerRound * (0.1 + 0.6 * pick())));
  const server = await startServer();
  let acks = 0;
  const first = await sendAll(server.url, key, batches, clients, (_batch, result) => {
    if (result.outcome === 'acked' && ++acks === killAfter) void server.kill();
  });
  await server.kill();
  const unacked = batches.filter((b) => first.get(b.index)?.outcome !== 'acked');
  const committedUnacked = await countStoredBatches(workspaceId, unacked);
  const inFlight = [...first.values()].filter((r) => r.outcome === 'lost').length;
  for (const r of first.values()) if (r.outcome === 'rejected') totals.rejected.push(r.detail ?? '');

  const restarted = await startServer();
  const again = batches.filter((b) => first.get(b.index)?.outcome === 'acked').slice(0, 3);
  const resent = await resendAll(restarted.url, key, [...unacked, ...again], clients);
  await restarted.kill();
  const resentAcked = [...resent.values()].filter((r) => r.outcome === 'acked').length;
  for (const r of resent.values()) if (r.outcome !== 'acked') totals.rejected.push(`resend: ${r.outcome} ${r.detail ?? ''}`);

  totals.sent += batches.length;
  totals.acked += acks;
  totals.inFlight += inFlight;
  totals.committedUnacked += committedUnacked;
  totals.resent += resent.size;
  totals.resentAcked += resentAcked;
  console.log(
    `round ${round}: killed after ${acks}/${batches.length} acks (${inFlight} cut off in flight, ${committedUnacked} committed but unacknowledged); resent ${resent.size}, ${resentAcked} acked`,
  );
  return batches;
}

async function rollupsAgree(workspaceId: string): Promise<string | null> {
  try {
    await expectRollupsConsistent(workspaceId);
    await expectAnalyticsRollupsConsistent(workspaceId);
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
}

async function main() {
  requireDatabaseUrl();
  await migrateDatabase();
  if (kind === 'next') await ensureBuild((line) => console.log(line), !values['no-build']);
  const workspace = await insertWorkspace({ name: 'Crash benchmark', slug: `bench-crash-${Date.now()}` });
  const { key } = await createApiKey(workspace.id, { name: 'bench', scopes: ['ingest'] });
  console.log(`crash benchmark: ${rounds} rounds of ${batchesPerRound} batches (6 conversations each), ${clients} clients, ${kind === 'next' ? 'next start (production build)' : `route server (answers held ${holdMs} ms)`} on :${PORT}`);
  console.log(machineLine());

  const pick = seededRandom(Date.now() >>> 0);
  const totals: Totals = { sent: 0, acked: 0, inFlight: 0, committedUnacked: 0, resent: 0, resentAcked: 0, rejected: [] };
  const all: CrashBatch[] = [];
  for (let round = 1; round <= rounds; round++) all.push(...(await runRound(round, key, workspace.id, totals, pick)));

  const stored = await checkStored(workspace.id, all);
  const rollups = await rollupsAgree(workspace.id);
  console.log(`batches       : ${totals.sent} sent, ${totals.acked} acked before a kill, ${totals.inFlight} cut off in flight, ${totals.committedUnacked} committed but unacknowledged`);
  console.log(`resent        : ${totals.resent} (${totals.resentAcked} acked)`);
  console.log(`conversations : ${stored.conversationsStored}/${stored.conversationsExpected} stored`);
  console.log(`messages      : ${stored.messagesExpected} expected, ${stored.messagesStored} stored, ${stored.duplicates} duplicates, ${stored.missing} missing, ${stored.counterMismatches} counter mismatches`);
  console.log(`rollups       : ${rollups ?? 'equal a rebuild from the rows'}`);
  const failures = [
    ...totals.rejected.slice(0, 5),
    ...(stored.duplicates || stored.missing || stored.counterMismatches || stored.conversationsStored !== stored.conversationsExpected ? ['stored rows differ from what was sent'] : []),
    ...(rollups ? [`rollups: ${rollups}`] : []),
  ];
  await sql`delete from workspaces where id = ${workspace.id}`;
  await closeDb();
  console.log(failures.length ? `FAIL\n  ${failures.join('\n  ')}` : 'PASS: nothing lost, nothing stored twice');
  process.exit(failures.length ? 1 : 0);
}

main().catch(async (error) => {
  console.error(error);
  await closeDb();
  process.exit(1);
});
