import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { listAuditEntries } from '@/db/queries/audit';
import { createTestWorkspace } from '@/test/factories';
import { ingestRowCounts } from '@/test/ingest-db';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { eraseConversation, eraseCustomer } from './erase';
import { completeGoal, seedConversation } from './test-data';

afterAll(closeDb);

async function seedMix(ws: string) {
  await sql`UPDATE workspaces SET timezone = 'Asia/Kolkata' WHERE id = ${ws}::uuid`;
  const common = { device: 'mobile' as const, source: 'web', language: 'en', ip: '8.8.8.8' };
  await seedConversation(ws, {
    id: 'keep', customerId: 'alice', startedAt: '2024-04-01T10:10:00Z', ...common,
    messages: [['user', 'Great, thanks!', 1], ['assistant', 'Any time', 4]], endAfter: 50, feedback: 'thumbs_up',
  });
  await seedConversation(ws, {
    id: 'gone', customerId: 'bob', startedAt: '2024-04-01T10:20:00Z', ...common,
    messages: [['user', 'This is awful', 1], ['assistant', 'Sorry', 3], ['user', 'still bad', 3700]],
    tools: [{ name: 'lookup', at: 2, durationMs: 120 }, { name: 'fallback_to_human', at: 3800 }],
    events: [{ name: 'clicked', at: 5 }], endAfter: 3900, feedback: '2',
  });
  await seedConversation(ws, { id: 'bob-2', avatarId: 'other', customerId: 'bob', startedAt: '2024-04-02T23:50:00Z', ...common, source: 'app', messages: [['user', 'hi', 1]] });
  await seedConversation(ws, { id: 'bob-3', customerId: 'bob', startedAt: '2024-04-01T11:00:00Z', ...common, messages: [['user', 'ok', 1]], escalated: true });
  await completeGoal(ws, 'gone', 'g1');
  await completeGoal(ws, 'keep', 'g1');
}

/** Daily and source rollups (trigger-kept) must equal what the hourly rollups and conversations imply (per avatar; the '' rows are workspace totals). */
async function expectDerivedRollupsConsistent(ws: string) {
  const [daily] = await sql<{ diff: number }[]>`
    WITH h AS (SELECT (bucket AT TIME ZONE w.timezone)::date AS day, avatar_id, sum(conversations) c, sum(messages) m, sum(escalated_conversations) e,
        sum(goal_conversations) g, sum(duration_sum_s) d
      FROM rollup_hourly r JOIN workspaces w ON w.id = r.workspace_id WHERE workspace_id = ${ws}::uuid GROUP BY 1, 2),
    d AS (SELECT day, avatar_id, sum(conversations) c, sum(messages) m, sum(escalated_conversations) e, sum(goal_conversations) g, sum(duration_sum_s) d
      FROM rollup_daily WHERE workspace_id = ${ws}::uuid AND avatar_id <> '' GROUP BY 1, 2)
    SELECT count(*)::int AS diff FROM h FULL JOIN d USING (day, avatar_id)
    WHERE coalesce(h.c, 0) <> coalesce(d.c, 0) OR coalesce(h.m, 0) <> coalesce(d.m, 0) OR coalesce(h.e, 0) <> coalesce(d.e, 0)
      OR coalesce(h.g, 0) <> coalesce(d.g, 0) OR abs(coalesce(h.d, 0) - coalesce(d.d, 0)) > 1e-6`;
  expect(daily.diff, 'rollup_daily vs rollup_hourly').toBe(0);
  const [sources] = await sql<{ diff: number }[]>`
    WITH s AS (SELECT source, sum(conversations) n FROM rollup_sources WHERE workspace_id = ${ws}::uuid GROUP BY 1 HAVING sum(conversations) <> 0),
    c AS (SELECT coalesce(source, '') AS source, count(*) n FROM conversations WHERE workspace_id = ${ws}::uuid GROUP BY 1)
    SELECT count(*)::int AS diff FROM s FULL JOIN c USING (source) WHERE coalesce(s.n, 0) <> coalesce(c.n, 0)`;
  expect(sources.diff, 'rollup_sources vs conversations').toBe(0);
  const [tools] = await sql<{ diff: number }[]>`
    WITH h AS (SELECT avatar_id, tool_name, sum(calls) n FROM rollup_tools WHERE workspace_id = ${ws}::uuid GROUP BY 1, 2),
    d AS (SELECT avatar_id, tool_name, sum(calls) n FROM rollup_tools_daily WHERE workspace_id = ${ws}::uuid AND avatar_id <> '' GROUP BY 1, 2)
    SELECT count(*)::int AS diff FROM h FULL JOIN d USING (avatar_id, tool_name) WHERE coalesce(h.n, 0) <> coalesce(d.n, 0)`;
  expect(tools.diff, 'rollup_tools_daily vs rollup_tools').toBe(0);
}

test('erasing a conversation deletes its rows and its share of every rollup', async () => {
  const ws = (await createTestWorkspace()).id;
  await seedMix(ws);
  await expectRollupsConsistent(ws);
  await sql`INSERT INTO outbox_events (workspace_id, event_id, type, conversation_id, payload) VALUES
    (${ws}::uuid, 'evt_1', 'goal.completed', 'gone', '{"conversationId":"gone"}'), (${ws}::uuid, 'evt_2', 'goal.completed', 'keep', '{"conversationId":"keep"}')`;
  expect(await eraseConversation(ws, 'gone', { userId: null, apiKeyId: null })).toBe(true);
  const stream = await sql<{ c: string }[]>`SELECT conversation_id AS c FROM outbox_events WHERE workspace_id = ${ws}::uuid`;
  expect(stream.map((r) => r.c)).toEqual(['keep']);
  const left = await sql<{ n: number }[]>`
    SELECT (SELECT count(*) FROM messages WHERE workspace_id = ${ws}::uuid AND conversation_id = 'gone')
      + (SELECT count(*) FROM actions WHERE workspace_id = ${ws}::uuid AND conversation_id = 'gone')
      + (SELECT count(*) FROM events WHERE workspace_id = ${ws}::uuid AND conversation_id = 'gone')
      + (SELECT count(*) FROM goal_completions WHERE workspace_id = ${ws}::uuid AND conversation_id = 'gone')
      + (SELECT count(*) FROM conversations WHERE workspace_id = ${ws}::uuid AND id = 'gone') AS n`;
  expect(Number(left[0].n)).toBe(0);
  await expectRollupsConsistent(ws);
  await expectDerivedRollupsConsistent(ws);
  expect((await listAuditEntries(ws)).map((e) => [e.action, e.targetId])).toContainEqual(['conversation.erased', 'gone']);
  expect(await eraseConversation(ws, 'gone', {})).toBe(false);
});

test('erasing a customer removes all their conversations and their customer rollup rows', async () => {
  const ws = (await createTestWorkspace()).id;
  await seedMix(ws);
  expect(await eraseCustomer(ws, 'bob', {})).toBe(3);
  const counts = await ingestRowCounts(ws);
  expect(counts.conversations).toBe(1);
  const bobRows = await sql`SELECT 1 FROM rollup_customers WHERE workspace_id = ${ws}::uuid AND customer_id = 'bob'`;
  expect(bobRows).toHaveLength(0);
  await expectRollupsConsistent(ws);
  await expectDerivedRollupsConsistent(ws);
  const [returns] = await sql<{ n: number }[]>`
    SELECT coalesce(sum(customers), 0)::int AS n FROM rollup_customer_returns WHERE workspace_id = ${ws}::uuid AND avatar_id = ''`;
  expect(returns.n).toBe(1); // alice's one day
  const audit = (await listAuditEntries(ws)).find((e) => e.action === 'customer.erased')!;
  expect(audit.targetId).not.toContain('bob');
  expect(audit.details).toEqual({ conversations: 3 });
  expect(await eraseCustomer(ws, 'nobody', {})).toBe(0);
});

test('erasure never reaches into another workspace', async () => {
  const mine = (await createTestWorkspace()).id;
  const theirs = (await createTestWorkspace()).id;
  await seedMix(theirs);
  expect(await eraseConversation(mine, 'gone', {})).toBe(false);
  expect(await eraseCustomer(mine, 'bob', {})).toBe(0);
  expect((await ingestRowCounts(theirs)).conversations).toBe(4);
  await expectRollupsConsistent(theirs);
});
