import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { ingestBatch } from '@/lib/ingest/batch';
import { createTestWorkspace } from '@/test/factories';
import { createBoss } from './boss';
import { IDEMPOTENCY_KEY_RETENTION_DAYS, pruneIdempotencyKeys } from './housekeeping';
import { QUEUES, startWorker } from './worker';

afterAll(closeDb);

test('pg-boss runs on the postgres.js executor: send, batch insert and fetch', async () => {
  const { boss, close } = createBoss();
  await boss.start();
  const queue = `test-${Date.now()}`;
  await boss.createQueue(queue);
  await boss.insert([{ name: queue, data: { n: 1 } }, { name: queue, data: { n: 2 } }]);
  await boss.send(queue, { n: 3 });
  const jobs = await boss.fetch<{ n: number }>(queue, { batchSize: 10 });
  expect(jobs.map((j) => j.data.n).sort()).toEqual([1, 2, 3]);
  await boss.stop({ graceful: false, wait: true });
  await close();
});

test('the worker closes idle conversations through its scheduled queue', async () => {
  const workspace = await createTestWorkspace();
  const old = new Date(Date.now() - 3 * 3600_000).toISOString();
  await ingestBatch(workspace.id, {
    batch: [
      { id: 'c', type: 'conversation', body: { id: 'idle-1', avatarId: 'a', startedAt: old } },
      { id: 'm', type: 'message', body: { conversationId: 'idle-1', role: 'user', content: 'hello', createdAt: old } },
    ],
  });
  // Scoped to this test's workspace: the worker's sweeps must not close or back-fill other tests' data.
  const worker = await startWorker(undefined, { workspaceIds: [workspace.id] });
  try {
    await worker.boss.send(QUEUES.closeIdle, {});
    let status = 'active';
    for (let i = 0; i < 60 && status === 'active'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      [{ status }] = await sql<{ status: string }[]>`select status from conversations where workspace_id = ${workspace.id} and id = 'idle-1'`;
    }
    expect(status).toBe('ended');
    const [row] = await sql<{ ended_at: Date; last_activity_at: Date }[]>`
      select ended_at, last_activity_at from conversations where workspace_id = ${workspace.id} and id = 'idle-1'`;
    expect(row.ended_at.toISOString()).toBe(row.last_activity_at.toISOString());
  } finally {
    await worker.stop();
  }
});

test('housekeeping forgets batch item ids after the retention, and only those', async () => {
  const workspace = await createTestWorkspace();
  const now = Date.now();
  const day = 86_400_000;
  await sql`
    INSERT INTO idempotency_keys (workspace_id, key, status, created_at)
    VALUES (${workspace.id}::uuid, 'old', 201, ${new Date(now - (IDEMPOTENCY_KEY_RETENTION_DAYS + 1) * day)}),
           (${workspace.id}::uuid, 'recent', 201, ${new Date(now - (IDEMPOTENCY_KEY_RETENTION_DAYS - 1) * day)})`;
  const worker = await startWorker(undefined, { workspaceIds: [workspace.id] });
  try {
    await worker.boss.send(QUEUES.housekeeping, {});
    let keys = ['old', 'recent'];
    for (let i = 0; i < 60 && keys.includes('old'); i++) {
      await new Promise((r) => setTimeout(r, 500));
      keys = (await sql<{ key: string }[]>`SELECT key FROM idempotency_keys WHERE workspace_id = ${workspace.id}::uuid ORDER BY key`).map((r) => r.key);
    }
    expect(keys).toEqual(['recent']);
  } finally {
    await worker.stop();
  }
});

test('pruning works in chunks and reports what it deleted', async () => {
  const workspace = await createTestWorkspace();
  const old = new Date(Date.now() - (IDEMPOTENCY_KEY_RETENTION_DAYS + 2) * 86_400_000);
  await sql`
    INSERT INTO idempotency_keys (workspace_id, key, status, created_at)
    SELECT ${workspace.id}::uuid, 'k' || n, 201, ${old} FROM generate_series(1, 10050) n`;
  expect(await pruneIdempotencyKeys(new Date(), { workspaceIds: [workspace.id] })).toBe(10050);
  expect(await sql`SELECT 1 FROM idempotency_keys WHERE workspace_id = ${workspace.id}::uuid`).toHaveLength(0);
});

test('the worker schedules the weekly digests every quarter hour', async () => {
  const worker = await startWorker(undefined, { workspaceIds: [] });
  try {
    const schedules = await worker.boss.getSchedules();
    expect(schedules.find((s) => s.name === QUEUES.digests)).toMatchObject({ cron: '*/15 * * * *' });
  } finally {
    await worker.stop();
  }
});
