/**
 * Webhooks end to end against a real local receiver: events from the facts, once each, signed and
 * verified with the standardwebhooks library's own `verify`; retries, Retry-After, 410, redirects,
 * timeouts; the target rule at creation and at connect time; a lost worker; rotation; erasure.
 */
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { claimDueDeliveries } from '@/db/queries/webhook-engine';
import { createGoal } from '@/lib/goals/service';
import { ingestBatch } from '@/lib/ingest/batch';
import { closeIdleConversations } from '@/lib/ingest/close-idle';
import { eraseConversation } from '@/lib/transcripts/erase';
import { createTestWorkspace } from '@/test/factories';
import { startReceiver, type Receiver } from '@/test/webhook-receiver';
import { eventBody } from './deliver';
import { EVENT_TYPES } from './events';
import { pruneWebhookDeliveries } from '@/lib/jobs/housekeeping';
import { runEngineOnce, startWebhookEngine } from './engine';
import { createWebhook, getDelivery, listDeliveries, redeliver, recoverFailed, rotateSecret, sendTestEvent, updateWebhook } from './service';

let receiver: Receiver;
beforeEach(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE = '1';
  receiver = await startReceiver();
});
afterEach(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  delete process.env.WEBHOOK_TIMEOUT_MS;
  await receiver.close();
});
afterAll(closeDb);

const T0 = Date.parse('2025-05-01T12:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

/** Runs the engine for this workspace until nothing is left to do now. */
async function drain(workspaceId: string) {
  for (let i = 0; i < 50; i++) {
    const { fannedOut, attempted } = await runEngineOnce({ workspaceIds: [workspaceId] });
    if (fannedOut === 0 && attempted === 0) return;
  }
  throw new Error('the engine did not settle');
}

/** Makes every pending delivery of the workspace due now (its retry delay has passed). */
const makeDue = (workspaceId: string) => sql`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE workspace_id = ${workspaceId}::uuid AND status = 'pending'`;

async function setup(events: string[] = [...EVENT_TYPES]) {
  const ws = (await createTestWorkspace()).id;
  const hook = await createWebhook(ws, { url: `${receiver.url}/hook`, events }, {});
  return { ws, hook };
}

const batch = (items: { type: string; body: Record<string, unknown> }[]) => ({ batch: items.map((i) => ({ id: randomUUID(), ...i })) });

describe('events from the facts', () => {
  test('each event type arrives once, signed; a replayed write emits nothing', async () => {
    const { ws, hook } = await setup();
    await createGoal(ws, { name: 'Thanks', trigger: { type: 'phrases', phrases: ['thanks'] } }, {});
    const items = batch([
      { type: 'conversation', body: { id: 'c1', avatarId: 'bot', customerId: 'cus_1', startedAt: at(0) } },
      { type: 'message', body: { conversationId: 'c1', id: 'm1', role: 'user', content: 'Where is my order?', createdAt: at(1) } },
      { type: 'message', body: { conversationId: 'c1', id: 'm2', role: 'assistant', content: 'Let me check.', createdAt: at(2), tokens: { prompt: 12, completion: 5 } } },
      { type: 'action', body: { conversationId: 'c1', id: 'a1', name: 'contact_human', startedAt: at(3) } },
      { type: 'message', body: { conversationId: 'c1', id: 'm3', role: 'user', content: 'thanks!', createdAt: at(4) } },
      { type: 'conversation.end', body: { conversationId: 'c1', endedAt: at(10) } },
    ]);
    await ingestBatch(ws, items);
    await ingestBatch(ws, items); // the same items again: resends
    await ingestBatch(ws, batch([{ type: 'message', body: { conversationId: 'c1', id: 'm1', role: 'user', content: 'Where is my order?', createdAt: at(1) } }]));
    await drain(ws);

    const types = receiver.received.map((r) => JSON.parse(r.body).type).sort();
    expect(types).toEqual(['conversation.ended', 'conversation.escalated', 'conversation.started', 'goal.completed', 'message.created', 'message.created', 'message.created']);
    const verifier = new Webhook(hook.secret);
    for (const r of receiver.received) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['user-agent']).toBe('Confab-Webhooks/1');
      const event = verifier.verify(r.body, r.headers) as { id: string; type: string; createdAt: string; data: Record<string, unknown> };
      expect(r.headers['webhook-id']).toBe(event.id);
      expect(event.id).toMatch(/^evt_/);
      expect(Object.keys(event)).toEqual(['id', 'type', 'createdAt', 'data']);
    }
    const byType = (t: string) => receiver.received.map((r) => JSON.parse(r.body)).filter((e) => e.type === t);
    expect(byType('conversation.started')[0].data.conversation).toMatchObject({ id: 'c1', avatarId: 'bot', customerId: 'cus_1', status: 'active', startedAt: at(0) });
    expect(byType('conversation.ended')[0].data.conversation).toMatchObject({ id: 'c1', status: 'ended', endedAt: at(10), durationSec: 10, messageCount: 3, escalated: true });
    expect(byType('conversation.escalated')[0].data).toEqual({ conversationId: 'c1', avatarId: 'bot', reason: 'contact_human', at: at(3) });
    expect(byType('goal.completed')[0].data).toMatchObject({ goalName: 'Thanks', conversationId: 'c1', avatarId: 'bot', completedAt: at(4) });
    const assistant = byType('message.created').find((e) => e.data.message.id === 'm2');
    expect(assistant.data).toMatchObject({ conversationId: 'c1', avatarId: 'bot', message: { role: 'assistant', content: 'Let me check.', createdAt: at(2), tokens: { prompt: 12, completion: 5 } } });
    // Nothing is left in the outbox, and every delivery is delivered.
    expect(await sql`SELECT 1 FROM outbox_events WHERE workspace_id = ${ws}::uuid`).toHaveLength(0);
    const page = await listDeliveries(ws, hook.id, {});
    expect(page!.data.map((d) => d.status)).toEqual(Array(7).fill('delivered'));
    // The body sent fresh is, byte for byte, the envelope the delivery stored (what a redelivery sends).
    for (const d of page!.data) {
      const detail = (await getDelivery(ws, hook.id, d.id))!;
      const sent = receiver.received.find((r) => r.headers['webhook-id'] === detail.eventId)!;
      expect(sent.body).toBe(eventBody(detail.payload));
    }
  });

  test('only subscribed types are sent; the idle close ends a conversation with conversation.ended', async () => {
    const { ws } = await setup(['conversation.ended']);
    await ingestBatch(ws, batch([{ type: 'message', body: { conversationId: 'idle', id: 'm1', role: 'user', content: 'hello', createdAt: new Date(Date.now() - 3600_000).toISOString() } }]));
    expect(await closeIdleConversations(new Date(), { workspaceIds: [ws] })).toBe(1);
    await drain(ws);
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['conversation.ended']);
    expect(JSON.parse(receiver.received[0].body).data.conversation).toMatchObject({ id: 'idle', status: 'ended', messageCount: 1 });
  });

  test('a rolled-back write emits nothing', async () => {
    const { ws } = await setup(['conversation.started']);
    await expect(
      sql.begin(async (tx) => {
        const { emitEvents } = await import('@/db/queries/outbox');
        await emitEvents(tx, ws, [{ type: 'conversation.started', conversationId: 'x', data: {} }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await drain(ws);
    expect(receiver.received).toEqual([]);
  });
});

describe('delivery', () => {
  test('a retry after a 500 carries the same webhook-id, on the schedule', async () => {
    const { ws, hook } = await setup();
    receiver.answer({ status: 500, body: 'boom' });
    const { deliveryId } = (await sendTestEvent(ws, hook.id, {}))!;
    await drain(ws);
    let d = (await getDelivery(ws, hook.id, deliveryId))!;
    expect(d).toMatchObject({ status: 'pending', lastStatusCode: 500 });
    const delay = Date.parse(d.nextAttemptAt!) - Date.now();
    expect(delay).toBeGreaterThan(3_500);
    expect(delay).toBeLessThan(6_000);
    await makeDue(ws);
    await drain(ws);
    d = (await getDelivery(ws, hook.id, deliveryId))!;
    expect(d.status).toBe('delivered');
    expect(d.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(d.attempts[0].responseExcerpt).toBe('boom');
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([d.eventId, d.eventId]);
  });

  test('Retry-After is honoured on 429 and 503; 410 disables the endpoint', async () => {
    const { ws, hook } = await setup();
    receiver.answer({ status: 429, headers: { 'retry-after': '120' } });
    const first = (await sendTestEvent(ws, hook.id, {}))!;
    await drain(ws);
    const d = (await getDelivery(ws, hook.id, first.deliveryId))!;
    expect(Math.abs(Date.parse(d.nextAttemptAt!) - Date.now() - 120_000)).toBeLessThan(3_000);

    receiver.answer({ status: 410 });
    await makeDue(ws);
    await drain(ws);
    const gone = await sql`SELECT enabled, disabled_reason FROM webhooks WHERE workspace_id = ${ws}::uuid AND id = ${hook.id}`;
    expect(gone[0]).toEqual({ enabled: false, disabled_reason: 'The endpoint answered 410 Gone' });
    expect((await getDelivery(ws, hook.id, first.deliveryId))!.status).toBe('failed');
    // Nothing more goes to a disabled endpoint.
    await sendTestEvent(ws, hook.id, {});
    await drain(ws);
    expect(receiver.received).toHaveLength(2);
    // Enabled again, what waited goes out.
    await updateWebhook(ws, hook.id, { enabled: true }, {});
    await drain(ws);
    expect(receiver.received).toHaveLength(3);
  });

  test('redirects are not followed and timeouts count as failures', async () => {
    process.env.WEBHOOK_TIMEOUT_MS = '300';
    const { ws, hook } = await setup();
    receiver.answer({ status: 302, headers: { location: `${receiver.url}/elsewhere` } }, { delayMs: 2_000 });
    const redirected = (await sendTestEvent(ws, hook.id, {}))!;
    const slow = (await sendTestEvent(ws, hook.id, { type: 'message.created' }))!;
    await drain(ws);
    const a = (await getDelivery(ws, hook.id, redirected.deliveryId))!;
    const b = (await getDelivery(ws, hook.id, slow.deliveryId))!;
    const failures = [a, b].map((d) => d.attempts[0]);
    expect(failures.map((f) => f.error).sort()).toEqual([expect.stringMatching(/^Redirect to .*\/elsewhere not followed$/), 'Timed out after 0.3 s']);
    expect([a.status, b.status]).toEqual(['pending', 'pending']);
    expect(receiver.received.filter((r) => r.path === '/elsewhere')).toHaveLength(0);
  });

  test('a worker lost mid-attempt leaves a lease that expires into one more attempt', async () => {
    const { ws, hook } = await setup();
    const { deliveryId } = (await sendTestEvent(ws, hook.id, {}))!;
    const claimed = await claimDueDeliveries(10, 10, 60, [ws]);
    expect(claimed.map((c) => c.id)).toEqual([deliveryId]);
    // The worker dies here: nothing is recorded. While its lease runs, nobody else takes the delivery.
    expect(await claimDueDeliveries(10, 10, 60, [ws])).toEqual([]);
    // The lease runs out (a leased delivery is due again when its lease ends).
    await sql`UPDATE webhook_deliveries SET locked_until = now() - interval '1 second', next_attempt_at = now() - interval '1 second' WHERE workspace_id = ${ws}::uuid`;
    await drain(ws);
    const d = (await getDelivery(ws, hook.id, deliveryId))!;
    expect(d.status).toBe('delivered');
    expect(receiver.received).toHaveLength(1);
    const [{ attempts }] = await sql`SELECT attempts FROM webhook_deliveries WHERE workspace_id = ${ws}::uuid AND id = ${deliveryId}`;
    expect(attempts).toBe(2);
  });

  test('one slow endpoint never holds more than its share of the claims', async () => {
    const ws = (await createTestWorkspace()).id;
    const slow = await createWebhook(ws, { url: `${receiver.url}/slow`, events: ['message.created'] }, {});
    const fast = await createWebhook(ws, { url: `${receiver.url}/fast`, events: ['message.created'] }, {});
    for (let i = 0; i < 6; i++) {
      await sendTestEvent(ws, slow.id, {});
      await sendTestEvent(ws, fast.id, {});
    }
    const first = await claimDueDeliveries(50, 2, 60, [ws]);
    const count = (id: string, rows: { webhook_id: string }[]) => rows.filter((r) => r.webhook_id === id).length;
    expect([count(slow.id, first), count(fast.id, first)]).toEqual([2, 2]);
    // While those four are in flight, no more of either endpoint is handed out.
    expect(await claimDueDeliveries(50, 2, 60, [ws])).toEqual([]);
  });

  test('redeliver and recover queue deliveries again with the same webhook-id', async () => {
    const { ws, hook } = await setup();
    receiver.fallback = { status: 500 };
    const { deliveryId, eventId } = (await sendTestEvent(ws, hook.id, {}))!;
    for (let i = 0; i < 8; i++) {
      await makeDue(ws);
      await drain(ws);
    }
    expect((await getDelivery(ws, hook.id, deliveryId))!.status).toBe('failed');
    expect(receiver.received).toHaveLength(8);
    receiver.fallback = { status: 204 };
    expect(await recoverFailed(ws, hook.id, { since: new Date(Date.now() - 60_000).toISOString() })).toEqual({ requeued: 1 });
    await drain(ws);
    expect((await getDelivery(ws, hook.id, deliveryId))!.status).toBe('delivered');
    expect(await redeliver(ws, hook.id, deliveryId)).toBe(true);
    await drain(ws);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual(Array(10).fill(eventId));
  });
});

describe('targets', () => {
  test('private targets are refused at creation: literals, names, IPv4-mapped IPv6', async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
    const ws = (await createTestWorkspace()).id;
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost:9/hook', 'http://[::ffff:127.0.0.1]/', 'http://10.0.0.8/', 'http://169.254.169.254/latest', 'http://[fd00::1]/']) {
      await expect(createWebhook(ws, { url, events: ['message.created'] }, {}), url).rejects.toMatchObject({ status: 422, details: [{ path: 'url' }] });
    }
    await expect(createWebhook(ws, { url: 'ftp://example.com/', events: ['message.created'] }, {})).rejects.toMatchObject({ issues: [{ path: ['url'] }] });
    await expect(createWebhook(ws, { url: 'https://example.com/', events: ['nope'] }, {})).rejects.toMatchObject({ issues: [{ path: ['events', 0] }] });
    expect(await sql`SELECT 1 FROM webhooks WHERE workspace_id = ${ws}::uuid`).toHaveLength(0);
  });

  test('a name that resolves to a private address at connect time is never connected to', async () => {
    const ws = (await createTestWorkspace()).id;
    // Accepted while private targets were allowed; the rule holds again at the attempt.
    const hook = await createWebhook(ws, { url: receiver.url.replace('127.0.0.1', 'localhost') + '/hook', events: ['message.created'] }, {});
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
    const { deliveryId } = (await sendTestEvent(ws, hook.id, {}))!;
    await drain(ws);
    const d = (await getDelivery(ws, hook.id, deliveryId))!;
    expect(d.attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/internal addresses/) });
    expect(receiver.received).toHaveLength(0);
    // A literal private address is refused at the attempt too.
    await expect(updateWebhook(ws, hook.id, { url: `${receiver.url}/x` }, {})).rejects.toMatchObject({ status: 422 });
    await sql`UPDATE webhooks SET url = ${`${receiver.url}/x`} WHERE workspace_id = ${ws}::uuid`;
    await makeDue(ws);
    await drain(ws);
    expect(receiver.received).toHaveLength(0);
  });
});

test('after a rotation both secrets sign for 24 hours', async () => {
  const { ws, hook } = await setup();
  const rotated = (await rotateSecret(ws, hook.id, {}))!;
  expect(rotated.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  expect(Math.abs(Date.parse(rotated.previousSecretExpiresAt) - Date.now() - 24 * 3600_000)).toBeLessThan(60_000);
  await sendTestEvent(ws, hook.id, {});
  await drain(ws);
  const [r] = receiver.received;
  expect(r.headers['webhook-signature'].split(' ')).toHaveLength(2);
  expect(() => new Webhook(hook.secret).verify(r.body, r.headers)).not.toThrow();
  expect(() => new Webhook(rotated.secret).verify(r.body, r.headers)).not.toThrow();
  expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(r.body, r.headers)).toThrow();
  // Once the grace period is over only the new secret signs.
  await sql`UPDATE webhooks SET previous_secret_expires_at = now() - interval '1 second' WHERE workspace_id = ${ws}::uuid`;
  await sendTestEvent(ws, hook.id, {});
  await drain(ws);
  expect(receiver.received[1].headers['webhook-signature'].split(' ')).toHaveLength(1);
  expect(() => new Webhook(hook.secret).verify(receiver.received[1].body, receiver.received[1].headers)).toThrow();
});

test('erasing a conversation removes its events and deliveries', async () => {
  const { ws, hook } = await setup(['message.created']);
  receiver.fallback = { status: 500 };
  await ingestBatch(ws, batch([
    { type: 'message', body: { conversationId: 'gone', id: 'm1', role: 'user', content: 'secret', createdAt: at(0) } },
    { type: 'message', body: { conversationId: 'kept', id: 'm1', role: 'user', content: 'fine', createdAt: at(0) } },
  ]));
  await drain(ws);
  expect(await eraseConversation(ws, 'gone', { userId: null, apiKeyId: null })).toBe(true);
  const left = await sql<{ conversation_id: string }[]>`SELECT conversation_id FROM webhook_deliveries WHERE workspace_id = ${ws}::uuid`;
  expect(left.map((r) => r.conversation_id)).toEqual(['kept']);
  const attempts = await sql`SELECT 1 FROM webhook_attempts WHERE workspace_id = ${ws}::uuid AND webhook_id = ${hook.id}`;
  expect(attempts).toHaveLength(1);
});

test('the running engine delivers a message to its endpoint within moments of the commit', async () => {
  const { ws } = await setup(['message.created']);
  const engine = startWebhookEngine({ workspaceIds: [ws], pollMs: 50 });
  try {
    const committed = Date.now();
    await ingestBatch(ws, batch([{ type: 'message', body: { conversationId: 'live', id: 'm1', role: 'user', content: 'hi', createdAt: new Date().toISOString() } }]));
    for (let i = 0; i < 100 && receiver.received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].at - committed).toBeLessThan(2_000);
  } finally {
    await engine.stop();
  }
});

test('housekeeping removes settled deliveries older than 30 days, with their attempts', async () => {
  const { ws, hook } = await setup();
  const old = (await sendTestEvent(ws, hook.id, {}))!;
  const recent = (await sendTestEvent(ws, hook.id, {}))!;
  await drain(ws);
  await sql`UPDATE webhook_deliveries SET created_at = now() - interval '31 days' WHERE workspace_id = ${ws}::uuid AND id = ${old.deliveryId}`;
  expect(await pruneWebhookDeliveries(new Date(), { workspaceIds: [ws] })).toBe(1);
  const left = await sql<{ id: string }[]>`SELECT id FROM webhook_deliveries WHERE workspace_id = ${ws}::uuid`;
  expect(left.map((r) => r.id)).toEqual([recent.deliveryId]);
  expect(await sql`SELECT 1 FROM webhook_attempts WHERE workspace_id = ${ws}::uuid AND delivery_id = ${old.deliveryId}`).toHaveLength(0);
});

test('an endpoint whose every delivery failed for five days is disabled and its admins are e-mailed', async () => {
  delete process.env.SMTP_URL;
  const { ws, hook } = await setup();
  const [user] = await sql<{ id: string }[]>`INSERT INTO users (email) VALUES (${`admin-${randomUUID()}@example.com`}) RETURNING id`;
  const [viewer] = await sql<{ id: string }[]>`INSERT INTO users (email) VALUES (${`viewer-${randomUUID()}@example.com`}) RETURNING id`;
  await sql`INSERT INTO memberships (workspace_id, user_id, role) VALUES (${ws}::uuid, ${user.id}::uuid, 'admin'), (${ws}::uuid, ${viewer.id}::uuid, 'viewer')`;
  receiver.fallback = { status: 503 };
  await sendTestEvent(ws, hook.id, {});
  await drain(ws);
  // Four days in: still enabled.
  await sql`UPDATE webhooks SET failing_since = now() - interval '4 days' WHERE workspace_id = ${ws}::uuid`;
  await makeDue(ws);
  await drain(ws);
  expect((await sql`SELECT enabled FROM webhooks WHERE workspace_id = ${ws}::uuid`)[0].enabled).toBe(true);
  await sql`UPDATE webhooks SET failing_since = now() - interval '5 days 1 minute' WHERE workspace_id = ${ws}::uuid`;
  await makeDue(ws);
  await drain(ws);
  const [state] = await sql`SELECT enabled, disabled_reason FROM webhooks WHERE workspace_id = ${ws}::uuid`;
  expect(state).toEqual({ enabled: false, disabled_reason: 'Every delivery failed for 5 days' });
  const mail = await sql<{ to: string; subject: string }[]>`SELECT "to", subject FROM dev_mail WHERE workspace_id = ${ws}::uuid`;
  expect(mail).toEqual([{ to: expect.stringMatching(/^admin-/), subject: expect.stringContaining('disabled your webhook') }]);
  // A success resets the streak (here: after enabling it again).
  await updateWebhook(ws, hook.id, { enabled: true }, {});
  expect((await sql`SELECT failing_since FROM webhooks WHERE workspace_id = ${ws}::uuid`)[0].failing_since).toBeNull();
});

test('a fresh batch sends up to its endpoint’s cap and writes each delivery once; the rest wait for a claim', async () => {
  const { ws, hook } = await setup(['message.created']);
  await ingestBatch(ws, batch(Array.from({ length: 6 }, (_, i) => ({ type: 'message', body: { conversationId: 'cap', id: `m${i}`, role: 'user', content: `hi ${i}`, createdAt: at(i) } }))));
  // The claim half of the pass is what takes the queued ones: with `batch: 0` only the fresh batch runs.
  const first = await runEngineOnce({ workspaceIds: [ws], perEndpoint: 2, batch: 0 });
  expect(first).toEqual({ fannedOut: 6, attempted: 2 });
  expect(receiver.received).toHaveLength(2);
  expect(await sql`SELECT 1 FROM outbox_events WHERE workspace_id = ${ws}::uuid`).toHaveLength(0);
  const rows = await sql<{ status: string; attempts: number; n: number }[]>`
    SELECT d.status, d.attempts, count(a.*)::int AS n FROM webhook_deliveries d
    LEFT JOIN webhook_attempts a ON a.workspace_id = d.workspace_id AND a.delivery_id = d.id
    WHERE d.workspace_id = ${ws}::uuid GROUP BY d.id, d.status, d.attempts ORDER BY d.status, d.id`;
  // Sent ones were inserted delivered, with their one attempt logged; the others queued, unattempted.
  expect(rows.map((r) => [r.status, r.attempts, r.n])).toEqual([
    ['delivered', 1, 1],
    ['delivered', 1, 1],
    ['pending', 0, 0],
    ['pending', 0, 0],
    ['pending', 0, 0],
    ['pending', 0, 0],
  ]);
  await drain(ws);
  const page = (await listDeliveries(ws, hook.id, { limit: '10' }))!;
  expect(page.data.map((d) => d.status)).toEqual(Array(6).fill('delivered'));
  expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(6);
});

test('an attempt that outlives the hold is committed leased, then recorded when it ends', async () => {
  const { ws, hook } = await setup(['message.created']);
  receiver.answer({ status: 200, delayMs: 600 });
  await ingestBatch(ws, batch([{ type: 'message', body: { conversationId: 'slow', id: 'm1', role: 'user', content: 'hi', createdAt: at(0) } }]));
  const engine = startWebhookEngine({ workspaceIds: [ws], pollMs: 50, holdMs: 100 });
  try {
    const deadline = Date.now() + 5_000;
    let leased: { status: string; locked: boolean }[] = [];
    while (leased.length === 0 && Date.now() < deadline) {
      leased = await sql`SELECT status, locked_until IS NOT NULL AS locked FROM webhook_deliveries WHERE workspace_id = ${ws}::uuid`;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(leased).toEqual([{ status: 'pending', locked: true }]);
    let status = '';
    while (status !== 'delivered' && Date.now() < deadline) {
      status = (await listDeliveries(ws, hook.id, { limit: '1' }))!.data[0].status;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe('delivered');
    expect(receiver.received).toHaveLength(1);
  } finally {
    await engine.stop();
  }
});

test('the running engine keeps a fresh batch within its endpoint’s cap: the rest of the batch waits for room', async () => {
  const { ws } = await setup(['message.created']);
  receiver.fallback = { status: 200, delayMs: 150 };
  await ingestBatch(ws, batch(Array.from({ length: 6 }, (_, i) => ({ type: 'message', body: { conversationId: 'wait', id: `m${i}`, role: 'user', content: `hi ${i}`, createdAt: at(i) } }))));
  const engine = startWebhookEngine({ workspaceIds: [ws], pollMs: 50, perEndpoint: 2, holdMs: 5_000 });
  try {
    const deadline = Date.now() + 10_000;
    const settled = async () => (await sql`SELECT 1 FROM webhook_deliveries WHERE workspace_id = ${ws}::uuid AND status = 'delivered'`).length === 6;
    while (!(await settled()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await engine.stop();
  }
  const arrivals = receiver.received.map((r) => r.at).sort((a, b) => a - b);
  expect(arrivals).toHaveLength(6);
  // Two at a time: each third request arrives only once the first of the two before it was answered.
  for (let i = 2; i < arrivals.length; i++) expect(arrivals[i] - arrivals[i - 2]).toBeGreaterThanOrEqual(140);
  // All six went out within the batch's hold, so each was written once, delivered on its first attempt.
  const rows = await sql<{ attempts: number }[]>`SELECT attempts FROM webhook_deliveries WHERE workspace_id = ${ws}::uuid`;
  expect(rows.map((r) => r.attempts)).toEqual(Array(6).fill(1));
});

test('the delivery log pages through deliveries of one millisecond without skipping any', async () => {
  const { ws, hook } = await setup();
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await sendTestEvent(ws, hook.id, {}))!.deliveryId);
  // Five deliveries within one millisecond, microseconds apart.
  await sql`
    UPDATE webhook_deliveries d SET created_at = '2026-01-01T00:00:00.123Z'::timestamptz + (x.n * interval '1 microsecond')
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM webhook_deliveries WHERE workspace_id = ${ws}::uuid) x
    WHERE d.workspace_id = ${ws}::uuid AND d.id = x.id`;
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listDeliveries>> = await listDeliveries(ws, hook.id, { limit: '2', ...(cursor ? { cursor } : {}) });
    seen.push(...page!.data.map((d) => d.id));
    cursor = page!.nextCursor;
  } while (cursor);
  expect(seen.sort()).toEqual(ids.sort());
});
