import { afterAll, expect, test } from 'vitest';
import postgres from 'postgres';
import { closeDb, sql } from '@/db';
import { insertWorkspace } from '@/db/queries/accounts';
import { lookAtIngestion } from '@/db/queries/webhook-engine';
import { createYieldGate, type Look } from './yield-gate';

afterAll(closeDb);

const busy = (oldestAgeMs: number | null = 100): Look => ({ busy: true, oldestAgeMs });
const idle: Look = { busy: false, oldestAgeMs: 100 };

/**
 * A gate on a fake clock whose looks answer `answer(n)` for the n-th look; `warm()` first shows it `warmLooks`
 * busy looks 100 ms apart with nothing in the outbox (no hold), so that it sees ingestion saturated.
 */
function gateWith(answer: (n: number) => Look, warmLooks = 10) {
  let t = 0;
  let n = 0;
  let warming = 0;
  const gate = createYieldGate({
    look: async () => (warming > 0 ? busy(null) : answer(n++)),
    maxLagMs: 1000,
    windowMs: 2000,
    minLooks: 8,
    holdWindowMs: 500,
    cooldownMs: 10_000,
    sampleMs: 25,
    now: () => t,
    sleep: async (ms) => void (t += ms),
  });
  return {
    gate,
    pass: (ms: number) => void (t += ms),
    warm: async () => {
      for (warming = warmLooks; warming > 0; warming--) {
        await gate.wait();
        t += 100;
      }
    },
  };
}

test('busy but not saturated: the round goes at once', async () => {
  const { gate } = gateWith(() => busy());
  expect(await gate.wait()).toBe(0);
  expect(gate.saturated()).toBe(false);
});

test('saturated: a round is held while the web server stays busy, and lets go once ingestion has room', async () => {
  // Busy for the first 40 looks (1 s of holding), then at work only every other look.
  const { gate, warm } = gateWith((n) => (n < 40 || n % 2 === 0 ? busy() : idle));
  await warm();
  expect(gate.saturated()).toBe(true);
  const held = await gate.wait();
  expect(held).toBeGreaterThan(1000);
  expect(held).toBeLessThan(1500);
  // Room was seen: for the next 10 s rounds go at once, though the looks still say busy.
  expect(await gate.wait()).toBe(0);
});

test('single gaps in the web server’s work do not end a hold; the maximum lag does', async () => {
  // One look in ten idle (90% busy), the oldest event aging 25 ms a look.
  const { gate, warm } = gateWith((n) => (n % 10 === 9 ? { busy: false, oldestAgeMs: 25 * n } : busy(25 * n)));
  await warm();
  expect(await gate.wait()).toBe(1000);
});

test('nothing waiting in the outbox, or a failed look, costs no wait', async () => {
  const { gate, warm } = gateWith(() => busy(null));
  await warm();
  expect(gate.saturated()).toBe(true);
  expect(await gate.wait()).toBe(0);
  const failing = createYieldGate({ look: () => Promise.reject(new Error('gone')) });
  expect(await failing.wait()).toBe(0);
});

test('saturation ends when the looks of the last 2 s are mostly idle', async () => {
  const { gate, pass, warm } = gateWith(() => idle);
  await warm();
  expect(gate.saturated()).toBe(true);
  for (let i = 0; i < 3; i++) {
    await gate.wait();
    pass(100);
  }
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
