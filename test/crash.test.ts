/**
 * Crash safety over real HTTP: the /v1 route server runs as its own process group and is SIGKILLed while
 * batches are in flight. After a restart on the same database, the client resends what was not
 * acknowledged (and a few that were): every message must be stored exactly once, and the rollups must
 * equal a rebuild from the rows.
 */
import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { buildCrashBatches, checkStored, countStoredBatches, resendAll, sendAll, type CrashBatch } from '@/scripts/bench/_crash-traffic';
import { startRouteServerGroup, type GroupServer } from '@/scripts/bench/_process-group';
import { expectAnalyticsRollupsConsistent } from './analytics-rollup-invariants';
import { createTestApiKey, createTestWorkspace } from './factories';
import { expectRollupsConsistent } from './rollup-invariants';

const PORT = 3472;
const BATCHES = 40;
const KILL_AFTER_ACKS = 12;
const serverEnv = () => ({ DATABASE_URL: process.env.DATABASE_URL, API_RATE_LIMIT_PER_SECOND: '100000' });

let server: GroupServer | undefined;

afterAll(async () => {
  await server?.kill();
  await closeDb();
});

test('a SIGKILL mid-batch loses nothing and stores nothing twice once unacknowledged batches are resent', { timeout: 120_000 }, async () => {
  const workspace = await createTestWorkspace('Crash test');
  const key = await createTestApiKey(workspace.id, ['ingest']);
  const batches = buildCrashBatches('crash', BATCHES, 6, 7);

  // Answers wait 1.5 s after the commit, so the kill also lands on batches that are stored but unacknowledged.
  server = await startRouteServerGroup(PORT, serverEnv(), 1500);
  const running = server;
  let acks = 0;
  const first = await sendAll(running.url, key, batches, 8, (_batch, result) => {
    if (result.outcome === 'acked' && ++acks === KILL_AFTER_ACKS) void running.kill();
  });
  await running.kill();
  const unacked = batches.filter((b) => first.get(b.index)?.outcome !== 'acked');
  expect([...first.values()].filter((r) => r.outcome === 'rejected'), 'answers with an error status').toEqual([]);
  expect(acks).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  expect(unacked.length, 'batches the kill left unacknowledged').toBeGreaterThan(0);
  const committedUnacked = await countStoredBatches(workspace.id, unacked);
  const inFlight = [...first.values()].filter((r) => r.outcome === 'lost').length;
  expect(committedUnacked, 'batches committed whose answer the kill lost').toBeGreaterThan(0);

  server = await startRouteServerGroup(PORT, serverEnv());
  const ackedAgain: CrashBatch[] = batches.filter((b) => first.get(b.index)?.outcome === 'acked').slice(0, 3);
  const resent = await resendAll(server.url, key, [...unacked, ...ackedAgain], 4);
  expect([...resent.values()].filter((r) => r.outcome !== 'acked'), 'resends not acknowledged').toEqual([]);

  const stored = await checkStored(workspace.id, batches);
  console.log(`crash test: ${acks} of ${BATCHES} batches acked before the kill, ${inFlight} cut off in flight, ${unacked.length} resent (${committedUnacked} of them already committed), ${ackedAgain.length} acked ones resent; ${stored.messagesStored}/${stored.messagesExpected} messages`);
  expect(stored).toEqual({ ...stored, duplicates: 0, missing: 0, counterMismatches: 0 });
  expect(stored.conversationsStored).toBe(stored.conversationsExpected);
  expect(stored.messagesStored).toBe(stored.messagesExpected);
  await expectRollupsConsistent(workspace.id);
  await expectAnalyticsRollupsConsistent(workspace.id);
});
