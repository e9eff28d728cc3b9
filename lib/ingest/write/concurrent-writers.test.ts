/**
 * Every writer that locks conversations — erasure, goal delete, goal back-fill, idle close — running at
 * the same time as many ingest batches on the same conversations: nothing fails (no deadlock surfaces),
 * and afterwards every rollup equals a rebuild from the raw rows. (On the embedded database transactions
 * take turns, so there these check the same outcomes without the interleaving.)
 */
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { runPendingBackfills } from '@/lib/goals/backfill';
import { createGoal, deleteGoal } from '@/lib/goals/service';
import { eraseConversation, eraseCustomer } from '@/lib/transcripts/erase';
import { expectAnalyticsRollupsConsistent } from '@/test/analytics-rollup-invariants';
import { createTestWorkspace } from '@/test/factories';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { ingestBatch } from '../batch';
import { closeIdleConversations } from '../close-idle';

afterAll(closeDb);

const actor = { userId: null };
const CONVERSATIONS = Array.from({ length: 8 }, (_, i) => `c${i}`);
const BATCHES = 8;
const T0 = Date.parse('2024-05-01T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/** Batch `b`: get-or-creates, messages (some completing a "thanks" goal), tool calls, events and ends, walking the conversations from a different start each time. */
function batch(b: number, prefix = 'b') {
  const items: unknown[] = [];
  for (let k = 0; k < CONVERSATIONS.length; k++) {
    const conversationId = CONVERSATIONS[(k + b * 3) % CONVERSATIONS.length];
    const n = b * CONVERSATIONS.length + k;
    const id = `${prefix}${b}-${k}`;
    items.push(
      { id: `${id}-c`, type: 'conversation', body: { id: conversationId, avatarId: 'bot', customerId: `cust-${Number(conversationId.slice(1)) % 3}`, startedAt: at(0) } },
      { id: `${id}-m`, type: 'message', body: { conversationId, role: 'user', content: n % 3 ? `hello ${n}` : `thanks ${n}`, createdAt: at(10 + n), tokens: { prompt: 1 } } },
      { id: `${id}-r`, type: 'message', body: { conversationId, role: 'assistant', content: `reply ${n}`, createdAt: at(11 + n), tokens: { completion: 2 } } },
      { id: `${id}-a`, type: 'action', body: { conversationId, name: n % 5 ? 'lookup' : 'fallback_to_human', startedAt: at(12 + n), durationMs: 30 } },
      { id: `${id}-e`, type: 'event', body: { conversationId, name: 'clicked', timestamp: at(12 + n) } },
    );
    if (n % 4 === 3) items.push({ id: `${id}-end`, type: 'conversation.end', body: { conversationId, endedAt: at(13 + n) } });
  }
  return { batch: items };
}

/** Runs the batches concurrently with `others`; every one of them must succeed. */
async function concurrently(workspaceId: string, batches: { batch: unknown[] }[], others: (() => Promise<unknown>)[]) {
  return Promise.all([
    ...batches.map((body) => ingestBatch(workspaceId, body)),
    // The other writers start while the batches are in flight.
    ...others.map((run) => new Promise((resolve) => setTimeout(resolve, 5)).then(run)),
  ]);
}

async function expectConsistent(workspaceId: string) {
  const wrong = await sql`
    SELECT c.id FROM conversations c WHERE c.workspace_id = ${workspaceId}::uuid
      AND c.goal_reached <> EXISTS (SELECT 1 FROM goal_completions g WHERE g.workspace_id = c.workspace_id AND g.conversation_id = c.id)`;
  expect(wrong.map((r) => r.id), 'conversations whose goal_reached disagrees with their completions').toEqual([]);
  const orphans = await sql`
    SELECT gc.conversation_id FROM goal_completions gc WHERE gc.workspace_id = ${workspaceId}::uuid
      AND NOT EXISTS (SELECT 1 FROM goals g WHERE g.workspace_id = gc.workspace_id AND g.id = gc.goal_id)
      OR gc.workspace_id = ${workspaceId}::uuid
      AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.workspace_id = gc.workspace_id AND c.id = gc.conversation_id)`;
  expect(orphans, 'completions of a deleted goal or an erased conversation').toEqual([]);
  await expectRollupsConsistent(workspaceId);
  await expectAnalyticsRollupsConsistent(workspaceId);
}

const batches = (prefix = 'b') => Array.from({ length: BATCHES }, (_, b) => batch(b, prefix));

describe('writers running alongside ingestion', () => {
  test('erasing a customer and a conversation while batches write to them', async () => {
    const { id: ws } = await createTestWorkspace();
    await createGoal(ws, { name: 'Thanked', trigger: { type: 'pattern', pattern: 'thanks' } }, actor);
    await runPendingBackfills({ workspaceIds: [ws] });
    await ingestBatch(ws, batch(0, 'seed'));

    const results = await concurrently(ws, batches(), [
      () => eraseCustomer(ws, 'cust-1', actor),
      () => eraseConversation(ws, 'c2', actor),
      () => eraseCustomer(ws, 'cust-0', actor),
    ]);
    const [erasedCustomer, erasedConversation, erasedAgain] = results.slice(BATCHES);
    expect(erasedCustomer).toBeGreaterThan(0);
    expect(erasedConversation).toBe(true);
    expect(erasedAgain).toBeGreaterThan(0);
    await expectConsistent(ws);
    const stream = await sql<{ c: string }[]>`
      SELECT payload->>'conversationId' AS c FROM outbox_events o WHERE workspace_id = ${ws}::uuid
        AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.workspace_id = o.workspace_id AND c.id = o.payload->>'conversationId')`;
    expect(stream, 'stream entries of erased conversations').toEqual([]);
  });

  test('deleting goals while batches complete them leaves no completion, stream entry or goal flag of theirs', async () => {
    const { id: ws } = await createTestWorkspace();
    const thanked = await createGoal(ws, { name: 'Thanked', trigger: { type: 'pattern', pattern: 'thanks' } }, actor);
    const clicked = await createGoal(ws, { name: 'Clicked', trigger: { type: 'event', name: 'clicked' } }, actor);
    const unescalated = await createGoal(ws, { name: 'Unescalated', trigger: { type: 'no_escalation' } }, actor);
    await runPendingBackfills({ workspaceIds: [ws] });
    await ingestBatch(ws, batch(0, 'seed'));

    const deleted = await concurrently(ws, batches(), [
      () => deleteGoal(ws, thanked.id, actor),
      () => deleteGoal(ws, unescalated.id, actor),
      // The idle-close job ends conversations (completing "ended without escalation") meanwhile.
      () => closeIdleConversations(new Date(T0 + 86_400_000), { workspaceIds: [ws] }),
    ]);
    expect(deleted.slice(BATCHES, BATCHES + 2)).toEqual([true, true]);

    const gone = [thanked.id, unescalated.id];
    expect(await sql`SELECT 1 FROM goal_completions WHERE workspace_id = ${ws}::uuid AND goal_id = ANY(${gone}::text[])`).toEqual([]);
    expect(await sql`SELECT 1 FROM outbox_events WHERE workspace_id = ${ws}::uuid AND payload->>'goalId' = ANY(${gone}::text[])`).toEqual([]);
    // The goal that stays kept its completions.
    expect((await sql`SELECT 1 FROM goal_completions WHERE workspace_id = ${ws}::uuid AND goal_id = ${clicked.id}`).length).toBe(CONVERSATIONS.length);
    await expectConsistent(ws);
  });

  test('a back-fill running while batches write finishes, with the completions of evaluating everything live', async () => {
    const { id: ws } = await createTestWorkspace();
    await ingestBatch(ws, batch(0, 'seed'));
    const during = await createGoal(ws, { name: 'During', trigger: { type: 'pattern', pattern: 'thanks' } }, actor);
    const results = await concurrently(ws, batches(), [() => runPendingBackfills({ workspaceIds: [ws] })]);
    expect(results.at(-1)).toEqual([expect.objectContaining({ goalId: during.id, status: 'done' })]);

    // The same goal created after the writes settled, back-filled alone, finds the same conversations.
    const after = await createGoal(ws, { name: 'After', trigger: { type: 'pattern', pattern: 'thanks' } }, actor);
    await runPendingBackfills({ workspaceIds: [ws] });
    const completed = async (goalId: string) =>
      (await sql<{ c: string; t: Date }[]>`
        SELECT conversation_id AS c, completed_at AS t FROM goal_completions WHERE workspace_id = ${ws}::uuid AND goal_id = ${goalId} ORDER BY 1`)
        .map((r) => `${r.c}@${r.t.toISOString()}`);
    expect(await completed(during.id)).toEqual(await completed(after.id));
    expect(await completed(during.id)).not.toEqual([]);
    await expectConsistent(ws);
  });
});
