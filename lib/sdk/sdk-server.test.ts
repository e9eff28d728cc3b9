import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { startRouteServer, type RouteServer } from '@/test/route-server';
import { createClient, trackAvatar } from './index';

let server: RouteServer;
let dropNextBatch = 0;

beforeAll(async () => {
  server = await startRouteServer({
    onResponse: (path) => {
      if (path === '/v1/batch' && dropNextBatch > 0) {
        dropNextBatch--;
        return 'drop';
      }
      return 'send';
    },
  });
});

afterAll(async () => {
  await server.close();
  await closeDb();
});

async function setup() {
  const workspace = await createTestWorkspace();
  const key = await createTestApiKey(workspace.id, ['ingest']);
  const count = async (table: 'conversations' | 'messages' | 'actions' | 'events') =>
    (await sql<{ n: number }[]>`select count(*)::int as n from ${sql(table)} where workspace_id = ${workspace.id}`)[0].n;
  return { workspace, key, count };
}

test('the SDK batches queued items into /v1/batch and they are stored', async () => {
  const { key, count } = await setup();
  const errors: unknown[] = [];
  const before = server.requests.length;
  const client = createClient({ apiKey: key, baseUrl: server.url, batch: { maxItems: 1000, flushIntervalMs: 60_000 }, onError: (e) => errors.push(e) });
  client.enqueue.conversation({ id: 'sdk-1', avatarId: 'avt_sdk', device: 'mobile' });
  for (let i = 0; i < 10; i++) client.enqueue.message('sdk-1', { role: i % 2 ? 'assistant' : 'user', content: `message ${i}` });
  client.enqueue.action('sdk-1', { name: 'lookup_order', durationMs: 120 });
  await client.flush();
  expect(errors).toEqual([]);
  expect(server.requests.slice(before)).toEqual(['POST /v1/batch']);
  expect(await count('conversations')).toBe(1);
  expect(await count('messages')).toBe(10);
  expect(await count('actions')).toBe(1);
});

test('a batch whose answer is lost is retried with the same ids and stored once', async () => {
  const { key, count } = await setup();
  dropNextBatch = 1;
  const errors: unknown[] = [];
  const client = createClient({ apiKey: key, baseUrl: server.url, retry: { retries: 3, baseDelayMs: 20 }, batch: { flushIntervalMs: 60_000 }, onError: (e) => errors.push(e) });
  client.enqueue.conversation({ id: 'sdk-retry', avatarId: 'avt_sdk' });
  client.enqueue.message('sdk-retry', { role: 'user', content: 'Hello there' });
  client.enqueue.message('sdk-retry', { role: 'assistant', content: 'Hi! How can I help?' });
  client.enqueue.event({ name: 'widget_opened', conversationId: 'sdk-retry' });
  await client.flush();
  expect(errors).toEqual([]);
  expect(dropNextBatch).toBe(0);
  expect(await count('conversations')).toBe(1);
  expect(await count('messages')).toBe(2);
  expect(await count('events')).toBe(1);
  const [conversation] = await sql<{ message_count: number }[]>`select message_count from conversations where id = 'sdk-retry'`;
  expect(conversation.message_count).toBe(2);
});

test('shutdown flushes what trackAvatar queued', async () => {
  const { key, count, workspace } = await setup();
  const client = createClient({ apiKey: key, baseUrl: server.url, batch: { flushIntervalMs: 60_000 } });
  const avatar = trackAvatar(client, { avatarId: 'avt_widget', source: 'web' });
  avatar.onConversationStart({ id: 'widget-1' });
  avatar.onMessage({ role: 'user', content: 'Can I book a demo?', conversationId: 'widget-1' });
  avatar.onMessage({ role: 'assistant', content: 'Sure, which day suits you?', conversationId: 'widget-1' });
  avatar.onConversationEnd({ id: 'widget-1', duration: 30, messageCount: 2 });
  expect(await count('messages')).toBe(0);
  await client.shutdown();
  expect(await count('messages')).toBe(2);
  const [row] = await sql<{ status: string; source: string; avatar_id: string }[]>`
    select status, source, avatar_id from conversations where workspace_id = ${workspace.id} and id = 'widget-1'`;
  expect(row).toEqual({ status: 'ended', source: 'web', avatar_id: 'avt_widget' });
});

test("onGoalComplete reaches Confab as a completion of the goal of that name", async () => {
  const { key, workspace } = await setup();
  await sql`insert into goals (workspace_id, id, name, trigger, backfill_status)
    values (${workspace.id}, 'goal_booked', 'demo_booked', '{"type":"tool","name":"calendar"}', 'done')`;
  const client = createClient({ apiKey: key, baseUrl: server.url, batch: { flushIntervalMs: 60_000 } });
  const avatar = trackAvatar(client, {
    avatarId: 'avt_widget',
    goals: [{ name: 'email_captured', trigger: { type: 'pattern', pattern: /[\w.]+@[\w.]+/ } }],
  });
  avatar.onConversationStart({ id: 'widget-goal' });
  avatar.onMessage({ role: 'user', content: 'I am ann@example.com', conversationId: 'widget-goal' });
  avatar.onGoalComplete({ name: 'demo_booked' });
  avatar.onGoalComplete({ name: 'demo_booked' });
  await client.shutdown();
  const rows = await sql<{ name: string; conversation_id: string }[]>`
    select g.name, c.conversation_id from goal_completions c join goals g on g.workspace_id = c.workspace_id and g.id = c.goal_id
    where c.workspace_id = ${workspace.id} order by g.name`;
  // demo_booked is the dashboard's goal; email_captured, unknown to the server, was created from the widget's event.
  expect(rows).toEqual([
    { name: 'demo_booked', conversation_id: 'widget-goal' },
    { name: 'email_captured', conversation_id: 'widget-goal' },
  ]);
  const [c] = await sql<{ goal_reached: boolean }[]>`select goal_reached from conversations where workspace_id = ${workspace.id} and id = 'widget-goal'`;
  expect(c.goal_reached).toBe(true);
});
