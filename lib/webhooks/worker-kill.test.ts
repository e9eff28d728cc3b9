/**
 * A worker killed for real (SIGKILL of its process group) in the middle of an attempt: after its lease runs
 * out, the restarted worker attempts the delivery again — one more attempt, same webhook-id, never lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { createTestWorkspace } from '@/test/factories';
import { startReceiver, type Receiver } from '@/test/webhook-receiver';
import { ingestBatch } from '@/lib/ingest/batch';
import { createWebhook, getDelivery, listDeliveries, sendTestEvent } from './service';

afterAll(closeDb);
let receiver: Receiver | undefined;
let worker: ChildProcess | undefined;
afterEach(async () => {
  if (worker && worker.exitCode === null && worker.signalCode === null) process.kill(-worker.pid!, 'SIGKILL');
  await receiver?.close();
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
});

function startEngineProcess(workspaceId: string, leaseSeconds: number): ChildProcess {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  return spawn(tsx, [path.join(process.cwd(), 'test', 'webhook-engine-main.ts'), workspaceId, String(leaseSeconds)], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, WEBHOOK_ALLOW_PRIVATE: '1' },
  });
}

const until = async (what: string, done: () => boolean | Promise<boolean>, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** A workspace whose endpoint holds its first request long enough for a kill to land while the attempt is open. */
async function heldEndpoint() {
  process.env.WEBHOOK_ALLOW_PRIVATE = '1';
  const held = await startReceiver();
  receiver = held;
  held.answer({ status: 200, delayMs: 10_000 });
  const ws = (await createTestWorkspace()).id;
  const hook = await createWebhook(ws, { url: `${held.url}/hook`, events: ['message.created'] }, {});
  return { ws, hook, held };
}

/** Starts the engine, and SIGKILLs it once its first attempt reached the receiver. */
async function killWorkerMidAttempt(ws: string) {
  worker = startEngineProcess(ws, 2);
  await until('the first attempt to reach the receiver', () => receiver!.received.length === 1);
  process.kill(-worker.pid!, 'SIGKILL');
  await new Promise((resolve) => worker!.once('exit', resolve));
}

test('a worker killed mid-delivery delivers after its restart', async () => {
  const { ws, hook, held } = await heldEndpoint();
  const { deliveryId, eventId } = (await sendTestEvent(ws, hook.id, {}))!;

  await killWorkerMidAttempt(ws);
  const [leased] = await sql<{ status: string; attempts: number }[]>`
    SELECT status, attempts FROM webhook_deliveries WHERE workspace_id = ${ws}::uuid AND id = ${deliveryId}`;
  expect(leased).toEqual({ status: 'pending', attempts: 1 });

  worker = startEngineProcess(ws, 2);
  await until('the delivery to be delivered', async () => (await getDelivery(ws, hook.id, deliveryId))?.status === 'delivered');
  expect(held.received.map((r) => r.headers['webhook-id'])).toEqual([eventId, eventId]);
  const [done] = await sql<{ attempts: number }[]>`SELECT attempts FROM webhook_deliveries WHERE workspace_id = ${ws}::uuid AND id = ${deliveryId}`;
  expect(done.attempts).toBe(2);
}, 60_000);

test('a worker killed while a fresh event is in flight rolls its batch back; the restart sends it again', async () => {
  const { ws, hook, held } = await heldEndpoint();
  await ingestBatch(ws, {
    batch: [{ id: 'i1', type: 'message', body: { conversationId: 'c1', id: 'm1', role: 'user', content: 'hi', createdAt: new Date().toISOString() } }],
  });

  await killWorkerMidAttempt(ws);
  // The batch's transaction died with the worker: the event is back in the outbox, no delivery was written.
  await until('the rollback', async () => (await sql`SELECT 1 FROM outbox_events WHERE workspace_id = ${ws}::uuid FOR UPDATE SKIP LOCKED`).length === 1);
  expect(await sql`SELECT 1 FROM webhook_deliveries WHERE workspace_id = ${ws}::uuid`).toHaveLength(0);

  worker = startEngineProcess(ws, 2);
  await until('the delivery', async () => (await listDeliveries(ws, hook.id, { limit: '5' }))?.data[0]?.status === 'delivered');
  const ids = held.received.map((r) => r.headers['webhook-id']);
  expect(ids).toHaveLength(2);
  expect(ids[0]).toBe(ids[1]);
  expect((await listDeliveries(ws, hook.id, { limit: '5' }))!.data).toHaveLength(1);
}, 60_000);
