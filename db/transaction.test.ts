import { afterAll, expect, test } from 'vitest';
import { runPendingBackfills } from '@/lib/goals/backfill';
import { createGoal } from '@/lib/goals/service';
import { seedConversation } from '@/lib/transcripts/test-data';
import { createTestWorkspace } from '@/test/factories';
import { closeDb, sql } from './index';
import { withRetryableTransaction } from './transaction';

afterAll(closeDb);

const failure = (code: string) => Object.assign(new Error(`failure ${code}`), { code });

test('a transaction aborted by a deadlock or a serialization failure runs again; others fail at once', async () => {
  for (const code of ['40P01', '40001']) {
    let attempts = 0;
    const result = await withRetryableTransaction(async (tx) => {
      attempts++;
      await tx`SELECT 1`;
      if (attempts < 3) throw failure(code);
      return 'done';
    });
    expect({ code, result, attempts }).toEqual({ code, result: 'done', attempts: 3 });
  }
  let attempts = 0;
  await expect(
    withRetryableTransaction(async () => {
      attempts++;
      throw failure('23505');
    }),
  ).rejects.toThrow('failure 23505');
  expect(attempts).toBe(1);
  await expect(withRetryableTransaction(async () => Promise.reject(failure('40P01')), { attempts: 2 })).rejects.toThrow('failure 40P01');
});

test('an aborted attempt leaves nothing behind', async () => {
  const { id: ws } = await createTestWorkspace();
  let attempts = 0;
  await withRetryableTransaction(async (tx) => {
    attempts++;
    await tx`INSERT INTO idempotency_keys (workspace_id, key, status) VALUES (${ws}::uuid, ${`attempt-${attempts}`}, 201)`;
    if (attempts === 1) throw failure('40P01');
  });
  const keys = await sql<{ key: string }[]>`SELECT key FROM idempotency_keys WHERE workspace_id = ${ws}::uuid`;
  expect(keys.map((k) => k.key)).toEqual(['attempt-2']);
});

/** The embedded database runs one transaction at a time: two can never wait for each other there. */
async function locksCanCollide() {
  const [{ version }] = await sql<{ version: string }[]>`SELECT version()`;
  return !/emscripten|wasm|pglite/i.test(version);
}

test('a back-fill chunk that meets a real deadlock is retried and the back-fill ends done', async (context) => {
  if (!(await locksCanCollide())) context.skip();
  const { id: ws } = await createTestWorkspace();
  for (const id of ['a', 'b']) await seedConversation(ws, { id, startedAt: '2024-05-01T10:00:00Z', messages: [['user', 'thanks', 1]] });
  const goal = await createGoal(ws, { name: 'Thanked', trigger: { type: 'pattern', pattern: 'thanks' } }, { userId: null });

  // Another transaction holds `b`; the back-fill chunk locks `a`, then waits for `b`; the other then asks for `a`.
  let release!: () => void;
  const holding = new Promise<void>((resolve) => (release = resolve));
  const other = sql
    .begin(async (tx) => {
      await tx`SELECT 1 FROM conversations WHERE workspace_id = ${ws}::uuid AND id = 'b' FOR UPDATE`;
      release();
      for (let i = 0; i < 200; i++) {
        const waiting = await sql`
          SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND query LIKE '%FROM conversations%LIMIT%FOR UPDATE%' AND pid <> pg_backend_pid()`;
        if (waiting.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await tx`SELECT 1 FROM conversations WHERE workspace_id = ${ws}::uuid AND id = 'a' FOR UPDATE`;
    })
    .catch((error: { code?: string }) => error.code);
  await holding;
  const [report] = await runPendingBackfills({ workspaceIds: [ws] });
  const otherOutcome = await other;
  expect(report).toMatchObject({ goalId: goal.id, status: 'done' });
  // PostgreSQL breaks the deadlock by aborting the side that waited first, the chunk, which then ran again
  // (or, had the other side been slow to ask, that one).
  expect([undefined, '40P01']).toContain(otherOutcome);
  const completions = await sql`SELECT conversation_id FROM goal_completions WHERE workspace_id = ${ws}::uuid AND goal_id = ${goal.id} ORDER BY 1`;
  expect(completions.map((c) => c.conversation_id)).toEqual(['a', 'b']);
});
