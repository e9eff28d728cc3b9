import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { checkCredentials } from '@/lib/auth/accounts';
import { demoConversation, seededRandom } from './generate';
import { DEMO_USER, seedDemo } from './seed';

afterAll(closeDb);

const count = async (workspaceId: string) =>
  (await sql<{ n: number }[]>`select count(*)::int as n from conversations where workspace_id = ${workspaceId}`)[0].n;

test('demo traffic is deterministic for a seed', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const a = demoConversation(seededRandom(7), 'c1', now, 30, 100);
  const b = demoConversation(seededRandom(7), 'c1', now, 30, 100);
  expect(a).toEqual(b);
  expect(a[0].type).toMatch(/^conversation/);
  for (const item of a) {
    const at = (item.body.createdAt ?? item.body.startedAt ?? item.body.endedAt ?? item.body.timestamp) as string | undefined;
    if (at) expect(new Date(at).getTime()).toBeLessThanOrEqual(now.getTime() + 60_000);
  }
});

test('seed-demo creates the demo sign-in and fills the workspace through ingestion, idempotently', async () => {
  const first = await seedDemo({ conversations: 40, days: 10 });
  expect(await checkCredentials(DEMO_USER.email, DEMO_USER.password)).not.toBeNull();
  const afterFirst = await count(first.workspaceId);
  expect(afterFirst).toBeGreaterThanOrEqual(40);

  const again = await seedDemo();
  expect(again.workspaceId).toBe(first.workspaceId);
  expect(again.conversationsAdded).toBe(0);
  expect(await count(first.workspaceId)).toBe(afterFirst);

  const [stats] = await sql<{ messages: number; avatars: number; ended: number; rollup: number }[]>`
    select (select count(*)::int from messages where workspace_id = ${first.workspaceId}) as messages,
           (select count(distinct avatar_id)::int from conversations where workspace_id = ${first.workspaceId}) as avatars,
           (select count(*)::int from conversations where workspace_id = ${first.workspaceId} and status = 'ended') as ended,
           (select coalesce(sum(conversations), 0)::int from rollup_hourly where workspace_id = ${first.workspaceId}) as rollup`;
  expect(stats.messages).toBeGreaterThan(40);
  expect(stats.avatars).toBeGreaterThan(1);
  expect(stats.ended).toBeGreaterThan(0);
  expect(stats.rollup).toBe(afterFirst);

  // The template goals exist and ingestion completed them live.
  const goals = await sql<{ name: string; completions: number }[]>`
    select g.name, (select count(*)::int from goal_completions c where c.workspace_id = g.workspace_id and c.goal_id = g.id) as completions
    from goals g where g.workspace_id = ${first.workspaceId} order by g.name`;
  expect(goals.map((g) => g.name)).toEqual(['Escalation avoided', 'Lead captured', 'Question answered']);
  for (const g of goals) expect(g.completions, g.name).toBeGreaterThan(0);
  // Their back-fills ran over the empty workspace, so the worker has none left to run over the demo data.
  const backfills = await sql<{ status: string }[]>`select backfill_status as status from goals where workspace_id = ${first.workspaceId}`;
  expect(backfills.map((b) => b.status)).toEqual(['done', 'done', 'done']);
  // Idle conversations are already closed, as the worker's first sweep would: nothing is left for it.
  const [{ idle }] = await sql<{ idle: number }[]>`
    select count(*)::int as idle from conversations c join workspaces w on w.id = c.workspace_id
    where c.workspace_id = ${first.workspaceId} and c.status = 'active' and c.last_activity_at < now() - make_interval(mins => w.inactivity_timeout_minutes + 1)`;
  expect(idle).toBe(0);
});
