import { afterAll, expect, test } from 'vitest';
import postgres from 'postgres';
import { closeDb, sql } from '@/db';
import { insertWorkspace } from '@/db/queries/accounts';
import { lookAtIngestion } from '@/db/queries/webhook-engine';
import { createYieldGate, type Look } from './yield-gate';

afterAll(closeDb);

const clock = () => {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), pass: (ms: number) => void (t += ms) };
};
const busy = (oldestAgeMs: number | null = 100): Look => ({ busy: true, oldestAgeMs });
const idle: Look = { busy: false, oldestAgeMs: null };

/** A gate whose looks answer from `answers` (then `rest`), after `warm()` has shown it `before`, 100 ms apart. */
function gateWith(answers: Look[], rest: Look, before: Look[] = []) {
  const c = clock();
  const queue = [...before, ...answers];
  const gate = createYieldGate({ look: async () => queue.shift() ?? rest, maxLagMs: 1000, windowMs: 2000, minLooks: 8, sampleMs: 25, ...c });
  return { gate, clock: c, warm: async () => { for (let i = 0; i < before.length; i++) { await gate.wait(); c.pass(100); } } };
}

test('busy but not saturated: the round goes at once', async () => {
  const { gate } = gateWith([], busy());
  expect(await gate.wait()).toBe(0);
  expect(gate.saturated()).toBe(false);
});

test('saturated (busy in 95% of the last 2 s of looks): a round waits for a gap in the web server’s work', async () => {
  const { gate, warm } = gateWith([busy(), busy(), busy(), idle], idle, Array.from({ length: 10 }, () => busy(null)));
  await warm();
  expect(await gate.wait()).toBe(75);
});

test('saturation never holds an event longer than the maximum lag', async () => {
  const { gate, warm } = gateWith([busy(400), busy(700), busy(1000)], busy(1000), Array.from({ length: 10 }, () => busy(null)));
  await warm();
  expect(gate.saturated()).toBe(true);
  expect(await gate.wait()).toBe(50);
});

test('nothing waiting in the outbox, or a failed look, costs no wait', async () => {
  const { gate, warm } = gateWith([busy(null)], busy(null), Array.from({ length: 10 }, () => busy(null)));
  await warm();
  expect(await gate.wait()).toBe(0);
  const failing = createYieldGate({ look: () => Promise.reject(new Error('gone')), ...clock() });
  expect(await failing.wait()).toBe(0);
});

test('saturation ends when the looks of the last 2 s are mostly idle', async () => {
  const { gate, clock: c, warm } = gateWith([], idle, Array.from({ length: 10 }, () => busy(null)));
  await warm();
  expect(gate.saturated()).toBe(true);
  for (let i = 0; i < 3; i++) {
    await gate.wait();
    c.pass(100);
  }
  expect(gate.saturated()).toBe(false);
  c.pass(2000);
  expect(gate.saturated()).toBe(false);
});

test('the look sees a transaction open in a process of another name, and the oldest outbox event’s age', async (context) => {
  const [{ version }] = await sql<{ version: string }[]>`SELECT version()`;
  if (/emscripten|wasm|pglite/i.test(version)) context.skip(); // one session serves every client there
  const other = postgres(process.env.DATABASE_URL!, { max: 1, connection: { application_name: 'confab-test-web' } });
  try {
    await other.begin(async (tx) => {
      await tx`SELECT 1`;
      expect((await lookAtIngestion()).busy).toBe(true);
    });
    const { id } = await insertWorkspace({ name: 'Yield gate', slug: `yield-${Date.now()}` });
    await sql`INSERT INTO outbox_events (workspace_id, event_id, type, payload, created_at)
      VALUES (${id}::uuid, 'evt_yield_gate', 'message.created', '{}'::json, now() - interval '1 hour')`;
    try {
      expect((await lookAtIngestion([id])).oldestAgeMs).toBeGreaterThanOrEqual(3_600_000);
      expect((await lookAtIngestion([id])).oldestAgeMs).toBeLessThan(3_700_000);
    } finally {
      await sql`DELETE FROM outbox_events WHERE workspace_id = ${id}::uuid`;
      await sql`DELETE FROM workspaces WHERE id = ${id}::uuid`;
    }
  } finally {
    await other.end();
  }
});
