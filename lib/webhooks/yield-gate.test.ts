import { afterAll, expect, test } from 'vitest';
import postgres from 'postgres';
import { closeDb, sql } from '@/db';
import { otherProcessesBusy } from '@/db/queries/webhook-engine';
import { createYieldGate } from './yield-gate';

afterAll(closeDb);

const clock = () => {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
};

test('waits while the web server is at work, then goes on', async () => {
  const answers = [true, true, true, false];
  const gate = createYieldGate({ busy: async () => answers.shift() ?? false, maxWaitMs: 300, sampleMs: 25, ...clock() });
  expect(await gate.wait()).toBe(75);
});

test('never waits longer than its bound, so deliveries flow under ingestion that never pauses', async () => {
  const gate = createYieldGate({ busy: async () => true, maxWaitMs: 300, sampleMs: 25, ...clock() });
  expect(await gate.wait()).toBe(300);
});

test('an idle web server, or a failed look, costs no wait', async () => {
  expect(await createYieldGate({ busy: async () => false, ...clock() }).wait()).toBe(0);
  expect(await createYieldGate({ busy: async () => Promise.reject(new Error('gone')), ...clock() }).wait()).toBe(0);
});

test('a transaction open in a process of another name counts as the web server at work', async (context) => {
  const [{ version }] = await sql<{ version: string }[]>`SELECT version()`;
  if (/emscripten|wasm|pglite/i.test(version)) context.skip(); // one session serves every client there
  const other = postgres(process.env.DATABASE_URL!, { max: 1, connection: { application_name: 'confab-test-web' } });
  try {
    await other.begin(async (tx) => {
      await tx`SELECT 1`;
      expect(await otherProcessesBusy()).toBe(true);
    });
  } finally {
    await other.end();
  }
});
