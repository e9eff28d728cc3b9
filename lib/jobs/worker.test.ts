import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { ingestBatch } from '@/lib/ingest/batch';
import { createTestWorkspace } from '@/test/factories';
import { createBoss } from './boss';
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
  const worker = await startWorker();
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
