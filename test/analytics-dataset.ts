/**
 * A small hand-made dataset for the analytics tests, ingested through lib/ingest with explicit times, in a
 * workspace on America/New_York. `NOW` is Tuesday 2024-11-05 10:30 EST; US DST ended on Sunday
 * 2024-11-03 at 06:00Z (01:00 local happened twice). Local times are given in the comments.
 *
 *  c1 avt_support u1 desktop web en US  Fri Nov 1 23:30 EDT; user "good" + reply (2 s), user "hello" at
 *     Sat 00:10 + reply (4 s); search_kb 300 ms; ended 00:15 (2700 s), feedback thumbs_up; goal reached
 *  c2 avt_support u1 mobile whatsapp es DE  Sun Nov 3 01:30 EDT (explicit start); "bad" + reply (5 s), at
 *     01:30 EST "bad" + reply (10 s); fallback_to_human (escalation, no duration); ended 4200 s, rating 3
 *  c3 avt_sales u2 tablet — de —  Mon Nov 4 09:00 EST; "hello" + reply (1 s) + a second reply; search_kb 500 ms
 *  c4 avt_sales u3 desktop web — —  Tue Nov 5 08:00 EST; initialize only (no messages, not interacted)
 *  c5 avt_sales — — — en —  created Tue Nov 5 00:30 EST with "hello" (00:31) + reply (30 s); a later batch adds
 *     a reply at 00:31:10 (it gets 10 s, the other loses its response time) and "good" at Mon 23:50, which
 *     moves the start to Monday
 *  c6 avt_support u4 desktop web en —  Fri Oct 25 12:00 EDT; "hello" + reply (3 s); ended 600 s, escalated on end
 *  c7 avt_support u1 desktop web en —  Tue Oct 29 23:59 EDT (explicit); "hello", reply at Wed 00:00:30 (90 s)
 *  c8 avt_sales u2 mobile web en —  Tue Nov 5 05:00 EST; get-or-create only (interacted, no messages)
 */
import { expect } from 'vitest';
import { sql } from '@/db';
import { ingestBatch } from '@/lib/ingest/batch';
import { createTestWorkspace } from './factories';

export const NOW = new Date('2024-11-05T15:30:00Z');
export const TIMEZONE = 'America/New_York';
/** VADER compound scores of the user texts: "good", "bad"; "hello" scores 0. */
export const GOOD = 0.4404;
export const BAD = -0.5423;

type Item = { id: string; type: string; timestamp?: string; body: Record<string, unknown> };

const start = (id: string, at: string, body: Record<string, unknown>, type = 'conversation'): Item => ({
  id: `${id}-${type}`,
  type,
  timestamp: at,
  body: { id, ...body },
});
const message = (conversationId: string, id: string, role: string, content: string, createdAt: string, tokens?: { prompt: number; completion: number }): Item => ({
  id: `${conversationId}-${id}`,
  type: 'message',
  body: { conversationId, id, role, content, createdAt, ...(tokens ? { tokens } : {}) },
});
const action = (conversationId: string, name: string, startedAt: string, durationMs?: number): Item => ({
  id: `${conversationId}-${name}`,
  type: 'action',
  body: { conversationId, name, startedAt, ...(durationMs === undefined ? {} : { durationMs }) },
});
const end = (conversationId: string, endedAt: string, extra: Record<string, unknown>): Item => ({
  id: `${conversationId}-end`,
  type: 'conversation.end',
  body: { conversationId, endedAt, ...extra },
});

const FIRST_BATCH: Item[] = [
  start('c1', '2024-11-02T03:30:00Z', { avatarId: 'avt_support', customerId: 'u1', device: 'desktop', source: 'web', language: 'en', customerIpAddress: '8.8.8.8' }),
  message('c1', 'm1', 'user', 'good', '2024-11-02T03:30:00Z'),
  message('c1', 'm2', 'assistant', 'Glad to help', '2024-11-02T03:30:02Z', { prompt: 100, completion: 20 }),
  message('c1', 'm3', 'user', 'hello', '2024-11-02T04:10:00Z'),
  message('c1', 'm4', 'assistant', 'Hi', '2024-11-02T04:10:04Z', { prompt: 50, completion: 10 }),
  action('c1', 'search_kb', '2024-11-02T03:31:00Z', 300),
  end('c1', '2024-11-02T04:15:00Z', { feedback: 'thumbs_up' }),

  start('c2', '2024-11-03T05:30:00Z', { avatarId: 'avt_support', customerId: 'u1', device: 'mobile', source: 'whatsapp', language: 'es', customerIpAddress: '81.169.145.105', startedAt: '2024-11-03T05:30:00Z' }),
  message('c2', 'm1', 'user', 'bad', '2024-11-03T05:30:00Z'),
  message('c2', 'm2', 'assistant', 'Sorry', '2024-11-03T05:30:05Z', { prompt: 200, completion: 40 }),
  message('c2', 'm3', 'user', 'bad', '2024-11-03T06:30:00Z'),
  message('c2', 'm4', 'assistant', 'Escalating', '2024-11-03T06:30:10Z', { prompt: 100, completion: 60 }),
  action('c2', 'fallback_to_human', '2024-11-03T06:31:00Z'),
  end('c2', '2024-11-03T06:40:00Z', { feedback: 3 }),

  start('c3', '2024-11-04T14:00:00Z', { avatarId: 'avt_sales', customerId: 'u2', device: 'tablet', language: 'de' }),
  message('c3', 'm1', 'user', 'hello', '2024-11-04T14:00:00Z'),
  message('c3', 'm2', 'assistant', 'Hi there', '2024-11-04T14:00:01Z', { prompt: 10, completion: 5 }),
  message('c3', 'm3', 'assistant', 'Anything else?', '2024-11-04T14:00:03Z', { prompt: 5, completion: 5 }),
  action('c3', 'search_kb', '2024-11-04T14:00:02Z', 500),

  start('c4', '2024-11-05T13:00:00Z', { avatarId: 'avt_sales', customerId: 'u3', device: 'desktop', source: 'web' }, 'conversation.initialize'),

  start('c5', '2024-11-05T05:30:00Z', { avatarId: 'avt_sales', language: 'en' }),
  message('c5', 'm1', 'user', 'hello', '2024-11-05T05:31:00Z'),
  message('c5', 'm2', 'assistant', 'Answer', '2024-11-05T05:31:30Z'),

  start('c6', '2024-10-25T16:00:00Z', { avatarId: 'avt_support', customerId: 'u4', device: 'desktop', source: 'web', language: 'en' }),
  message('c6', 'm1', 'user', 'hello', '2024-10-25T16:00:00Z'),
  message('c6', 'm2', 'assistant', 'Hi', '2024-10-25T16:00:03Z', { prompt: 30, completion: 10 }),
  end('c6', '2024-10-25T16:10:00Z', { escalated: true }),

  start('c7', '2024-10-30T03:59:00Z', { avatarId: 'avt_support', customerId: 'u1', device: 'desktop', source: 'web', language: 'en', startedAt: '2024-10-30T03:59:00Z' }),
  message('c7', 'm1', 'user', 'hello', '2024-10-30T03:59:00Z'),
  message('c7', 'm2', 'assistant', 'Hi', '2024-10-30T04:00:30Z', { prompt: 10, completion: 10 }),

  start('c8', '2024-11-05T10:00:00Z', { avatarId: 'avt_sales', customerId: 'u2', device: 'mobile', source: 'web', language: 'en' }),
];

const LATE_BATCH: Item[] = [
  message('c5', 'm1b', 'assistant', 'Quick answer', '2024-11-05T05:31:10Z'),
  message('c5', 'm0', 'user', 'good', '2024-11-05T04:50:00Z'),
];

export async function ingestItems(workspaceId: string, batch: Item[]): Promise<void> {
  const { results } = await ingestBatch(workspaceId, { batch });
  expect(results.filter((r) => r.status >= 300)).toEqual([]);
}

/** What the goals engine writes when a conversation reaches a goal: the flag and its rollup count. */
export async function recordGoalReached(workspaceId: string, conversationId: string): Promise<void> {
  const [c] = await sql<{ avatar_id: string; started_at: Date }[]>`
    UPDATE conversations SET goal_reached = true WHERE workspace_id = ${workspaceId} AND id = ${conversationId}
    RETURNING avatar_id, started_at`;
  await sql`
    INSERT INTO rollup_hourly AS r (workspace_id, bucket, avatar_id, goal_conversations)
    VALUES (${workspaceId}, date_trunc('hour', ${c.started_at}::timestamptz, 'UTC'), ${c.avatar_id}, 1)
    ON CONFLICT (workspace_id, bucket, avatar_id) DO UPDATE SET goal_conversations = r.goal_conversations + 1`;
}

/** A fresh workspace holding the dataset; `beforeLate` runs between the first and the late batch. */
export async function createAnalyticsWorkspace(beforeLate?: (workspaceId: string) => Promise<void>) {
  const workspace = await createTestWorkspace();
  await sql`UPDATE workspaces SET timezone = ${TIMEZONE} WHERE id = ${workspace.id}`;
  await ingestItems(workspace.id, FIRST_BATCH);
  await beforeLate?.(workspace.id);
  await ingestItems(workspace.id, LATE_BATCH);
  await recordGoalReached(workspace.id, 'c1');
  await sql`
    UPDATE avatars SET name = CASE id WHEN 'avt_support' THEN 'Support Bot' ELSE 'Sales Bot' END
    WHERE workspace_id = ${workspace.id}`;
  return workspace;
}

/** Another workspace with a conversation of the same id, avatar and customer: it must never show up. */
export async function createOtherWorkspace() {
  const workspace = await createTestWorkspace('Other');
  await sql`UPDATE workspaces SET timezone = ${TIMEZONE} WHERE id = ${workspace.id}`;
  await ingestItems(workspace.id, [
    start('c1', '2024-11-04T12:00:00Z', { avatarId: 'avt_support', customerId: 'u1', device: 'desktop', source: 'web', language: 'en' }),
    message('c1', 'm1', 'user', 'bad', '2024-11-04T12:00:00Z'),
    message('c1', 'm2', 'assistant', 'Hi', '2024-11-04T12:00:01Z', { prompt: 1000, completion: 1000 }),
    action('c1', 'other_tool', '2024-11-04T12:00:02Z', 50),
  ]);
  return workspace;
}
