import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sql } from '@/db';
import { closeIdleConversations } from '@/lib/ingest/close-idle';
import { ingestBatch } from '@/lib/ingest/batch';
import { seedConversation, type ConversationSpec } from '@/lib/transcripts/test-data';
import { createWebhook } from '@/lib/webhooks/service';
import { createTestWorkspace } from '@/test/factories';
import { failUpdates } from '@/test/failing-trigger';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { runPendingBackfills } from './backfill';
import { createGoal, deleteGoal, updateGoal, type GoalInput } from './service';
import { GOAL_TEMPLATES } from './triggers';

const actor = { userId: null };
const T0 = '2024-05-01T10:00:00.000Z';

type Row = { goal_id: string; conversation_id: string; completed_at: Date; message_id: string | null; event_id: string | null; action_id: string | null };

async function completions(workspaceId: string, goalId: string) {
  const rows = await sql<Row[]>`
    SELECT goal_id, conversation_id, completed_at, message_id, event_id, action_id FROM goal_completions
    WHERE workspace_id = ${workspaceId}::uuid AND goal_id = ${goalId} ORDER BY conversation_id`;
  // seedConversation gives tool calls random ids: only whether one is set is compared.
  return rows.map((r) => ({ c: r.conversation_id, at: r.completed_at.toISOString(), m: r.message_id, e: r.event_id, a: r.action_id && 'action' }));
}

/** The same, for comparing two workspaces holding the same data (events of seedConversation have random ids too). */
async function comparable(workspaceId: string, goalId: string) {
  return (await completions(workspaceId, goalId)).map((r) => ({ ...r, e: r.e && 'event' }));
}

/** goal_reached equals "has a completion" for every conversation, and the rollups agree with the rows. */
async function expectGoalFlagsConsistent(workspaceId: string) {
  const wrong = await sql`
    SELECT c.id FROM conversations c WHERE c.workspace_id = ${workspaceId}::uuid
      AND c.goal_reached <> EXISTS (SELECT 1 FROM goal_completions g WHERE g.workspace_id = c.workspace_id AND g.conversation_id = c.id)`;
  expect(wrong.map((r) => r.id)).toEqual([]);
  await expectRollupsConsistent(workspaceId);
}

async function newGoal(workspaceId: string, input: GoalInput) {
  const goal = await createGoal(workspaceId, input, actor);
  await runPendingBackfills({ workspaceIds: [workspaceId] });
  return goal;
}

const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

describe('live evaluation', () => {
  test('a pattern goal completes once, at the first matching user message', async () => {
    const { id: ws } = await createTestWorkspace();
    const goal = await newGoal(ws, { name: 'Lead', trigger: { type: 'pattern', pattern: '[\\w.]+@[\\w.]+', role: 'user' } });
    await seedConversation(ws, {
      id: 'c1', startedAt: T0,
      messages: [['user', 'hi', 1], ['assistant', 'write me at bot@example.com', 2], ['user', 'sure: ann@example.com', 3], ['user', 'or bob@example.com', 4]],
    });
    await seedConversation(ws, { id: 'c2', startedAt: T0, messages: [['user', 'no email here', 1]] });
    expect(await completions(ws, goal.id)).toEqual([{ c: 'c1', at: at(3), m: 'c1-m2', e: null, a: null }]);
    // More matching messages later do not complete it again.
    await ingestBatch(ws, { batch: [{ id: randomUUID(), type: 'message', body: { conversationId: 'c1', id: 'late', role: 'user', content: 'x@y.z', createdAt: at(10) } }] });
    expect(await completions(ws, goal.id)).toHaveLength(1);
    await expectGoalFlagsConsistent(ws);
  });

  test('a conversation a batch creates is written once, its goal flag included (no second write to set it)', async () => {
    const { id: ws } = await createTestWorkspace();
    for (const t of GOAL_TEMPLATES) await newGoal(ws, { name: t.name, trigger: t.trigger });
    const undo = await failUpdates('conversations', `NEW.workspace_id = '${ws}'::uuid`);
    try {
      const { results } = await ingestBatch(ws, {
        batch: [
          { id: 'a', type: 'conversation', body: { id: 'lead', avatarId: 'support', startedAt: at(0) } },
          { id: 'a1', type: 'message', body: { conversationId: 'lead', role: 'user', content: 'mail me: ann@example.com', createdAt: at(1) } },
          { id: 'b1', type: 'message', body: { conversationId: 'thanks', role: 'user', content: 'Thanks, that helped', createdAt: at(2) } },
          { id: 'b2', type: 'conversation.end', body: { conversationId: 'thanks', endedAt: at(3) } },
          { id: 'c1', type: 'message', body: { conversationId: 'plain', role: 'user', content: 'where is my order?', createdAt: at(4) } },
        ],
      });
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 200, 201]);
    } finally {
      await undo();
    }
    const rows = await sql<{ id: string; goal_reached: boolean }[]>`
      SELECT id, goal_reached FROM conversations WHERE workspace_id = ${ws}::uuid ORDER BY id`;
    expect(rows).toEqual([{ id: 'lead', goal_reached: true }, { id: 'plain', goal_reached: false }, { id: 'thanks', goal_reached: true }]);
    await expectGoalFlagsConsistent(ws);
  });

  test('a late message older than the recorded completion moves it earlier', async () => {
    const { id: ws } = await createTestWorkspace();
    const goal = await newGoal(ws, { name: 'Lead', trigger: { type: 'pattern', pattern: '@', role: 'any' } });
    await seedConversation(ws, { id: 'c1', startedAt: T0, messages: [['user', 'a@b', 30]] });
    await ingestBatch(ws, { batch: [{ id: randomUUID(), type: 'message', body: { conversationId: 'c1', id: 'early', role: 'assistant', content: 'c@d', createdAt: at(5) } }] });
    expect(await completions(ws, goal.id)).toEqual([{ c: 'c1', at: at(5), m: 'early', e: null, a: null }]);
  });

  test('phrases match whole words, any case, in any script; role is respected', async () => {
    const { id: ws } = await createTestWorkspace();
    const goal = await newGoal(ws, { name: 'Thanks', trigger: { type: 'phrases', phrases: ['thank you', 'спасибо'], role: 'user' } });
    await seedConversation(ws, { id: 'a', startedAt: T0, messages: [['assistant', 'Thank you for asking', 1], ['user', 'THANK   you!', 2]] });
    await seedConversation(ws, { id: 'b', startedAt: T0, messages: [['user', 'thank youth', 1]] });
    await seedConversation(ws, { id: 'c', startedAt: T0, messages: [['user', 'Спасибо, всё ясно', 1]] });
    expect(await completions(ws, goal.id)).toEqual([
      { c: 'a', at: at(2), m: 'a-m1', e: null, a: null },
      { c: 'c', at: at(1), m: 'c-m0', e: null, a: null },
    ]);
  });

  test('an event goal matches its name and properties; a tool goal its tool; an avatar goal only its avatar', async () => {
    const { id: ws } = await createTestWorkspace();
    const booked = await newGoal(ws, { name: 'Booked', trigger: { type: 'event', name: 'demo_booked', properties: { plan: 'pro' } } });
    const tool = await newGoal(ws, { name: 'Searched', avatarId: 'sales', trigger: { type: 'tool', name: 'search' } });
    await seedConversation(ws, { id: 's1', avatarId: 'sales', startedAt: T0, tools: [{ name: 'lookup', at: 1 }, { name: 'search', at: 2 }, { name: 'search', at: 3 }] });
    await seedConversation(ws, { id: 'o1', avatarId: 'other', startedAt: T0, tools: [{ name: 'search', at: 2 }] });
    const event = (id: string, c: string, properties: Record<string, unknown>, s: number) => ({
      id: randomUUID(), type: 'event', body: { id, name: 'demo_booked', conversationId: c, properties, timestamp: at(s) },
    });
    await ingestBatch(ws, { batch: [event('e1', 's1', { plan: 'free' }, 4), event('e2', 'o1', { plan: 'pro', seats: 3 }, 5), event('e3', 'o1', { plan: 'pro' }, 6)] });
    expect(await completions(ws, booked.id)).toEqual([{ c: 'o1', at: at(5), m: null, e: 'e2', a: null }]);
    const toolRows = await completions(ws, tool.id);
    expect(toolRows).toEqual([{ c: 's1', at: at(2), m: null, e: null, a: 'action' }]);
    await expectGoalFlagsConsistent(ws);
  });

  test('"ended without escalation" completes at the end, not for escalated ones, and follows later changes', async () => {
    const { id: ws } = await createTestWorkspace();
    const template = GOAL_TEMPLATES.find((t) => t.key === 'escalation_avoided')!;
    const goal = await newGoal(ws, { name: template.name, trigger: template.trigger });
    await seedConversation(ws, { id: 'ok', startedAt: T0, messages: [['user', 'hi', 1]], endAfter: 60 });
    await seedConversation(ws, { id: 'esc', startedAt: T0, messages: [['user', 'hi', 1]], endAfter: 60, escalated: true });
    await seedConversation(ws, { id: 'open', startedAt: T0, messages: [['user', 'hi', 1]] });
    expect(await completions(ws, goal.id)).toEqual([{ c: 'ok', at: at(60), m: null, e: null, a: null }]);

    // An escalating tool call after the end takes the completion away again.
    await ingestBatch(ws, { batch: [{ id: randomUUID(), type: 'action', body: { conversationId: 'ok', name: 'fallback_to_human', startedAt: at(70) } }] });
    expect(await completions(ws, goal.id)).toEqual([]);

    // The idle-close job ends the open one: it completes at its last activity.
    const closed = await closeIdleConversations(new Date(Date.parse(T0) + 86_400_000), { workspaceIds: [ws] });
    expect(closed).toBe(1);
    expect(await completions(ws, goal.id)).toEqual([{ c: 'open', at: at(1), m: null, e: null, a: null }]);
    await expectGoalFlagsConsistent(ws);
  });

  test("the SDK's goal.completed event completes the goal of that name, creating it when unknown", async () => {
    const { id: ws } = await createTestWorkspace();
    const lead = await newGoal(ws, { name: 'email_captured', trigger: { type: 'pattern', pattern: 'never-matches-xyz' } });
    await seedConversation(ws, { id: 'c1', startedAt: T0, messages: [['user', 'hi', 1]] });
    const sdk = (id: string, goal: string, s: number) => ({
      id: randomUUID(), type: 'event', body: { id, name: 'goal.completed', conversationId: 'c1', properties: { goal }, timestamp: at(s) },
    });
    await ingestBatch(ws, { batch: [sdk('g1', 'email_captured', 5), sdk('g2', 'demo_booked', 6), sdk('g3', 'demo_booked', 7)] });
    expect(await completions(ws, lead.id)).toEqual([{ c: 'c1', at: at(5), m: null, e: 'g1', a: null }]);
    const [created] = await sql<{ id: string; trigger: unknown }[]>`SELECT id, trigger FROM goals WHERE workspace_id = ${ws}::uuid AND name = 'demo_booked'`;
    expect(created.trigger).toEqual({ type: 'event', name: 'goal.completed', properties: { goal: 'demo_booked' } });
    expect(await completions(ws, created.id)).toEqual([{ c: 'c1', at: at(6), m: null, e: 'g2', a: null }]);
    await expectGoalFlagsConsistent(ws);
  });

  test('first completions go to the event stream as goal.completed, once, when an enabled webhook takes it', async () => {
    const { id: ws } = await createTestWorkspace();
    await createWebhook(ws, { url: 'https://example.com/hook', events: ['goal.completed'] }, {});
    const goal = await newGoal(ws, { name: 'Thanks', trigger: { type: 'phrases', phrases: ['thanks'] } });
    await seedConversation(ws, { id: 'c1', avatarId: 'bot', startedAt: T0, messages: [['user', 'thanks', 1], ['user', 'thanks again', 2]] });
    await ingestBatch(ws, { batch: [{ id: randomUUID(), type: 'message', body: { conversationId: 'c1', id: 'm0', role: 'user', content: 'thanks', createdAt: at(0) } }] });
    const stream = await sql<{ type: string; conversation_id: string; event_id: string; payload: Record<string, unknown> }[]>`
      SELECT type, conversation_id, event_id, payload FROM outbox_events WHERE workspace_id = ${ws}::uuid ORDER BY id`;
    expect(stream).toEqual([
      {
        type: 'goal.completed',
        conversation_id: 'c1',
        event_id: expect.stringMatching(/^evt_/),
        payload: { goalId: goal.id, goalName: 'Thanks', conversationId: 'c1', avatarId: 'bot', completedAt: at(1) },
      },
    ]);
  });

  test('without a webhook that takes goal.completed, completions write nothing to the event stream', async () => {
    const { id: ws } = await createTestWorkspace();
    await createWebhook(ws, { url: 'https://example.com/hook', events: ['conversation.ended'] }, {});
    const goal = await newGoal(ws, { name: 'Thanks', trigger: { type: 'phrases', phrases: ['thanks'] } });
    await seedConversation(ws, { id: 'c1', avatarId: 'bot', startedAt: T0, messages: [['user', 'thanks', 1]] });
    expect(await completions(ws, goal.id)).toEqual([{ c: 'c1', at: at(1), m: 'c1-m0', e: null, a: null }]);
    expect(await sql`SELECT type FROM outbox_events WHERE workspace_id = ${ws}::uuid`).toEqual([]);
  });

  test("a catastrophic-backtracking pattern neither hangs nor slows ingestion", async () => {
    const { id: ws } = await createTestWorkspace();
    await newGoal(ws, { name: 'Evil', trigger: { type: 'pattern', pattern: '(a+)+$', role: 'any' } });
    await newGoal(ws, { name: 'Evil 2', trigger: { type: 'pattern', pattern: '^(a|aa)*b$', role: 'any' } });
    // A backtracking engine needs ~2^n steps on these; RE2 is linear in the text.
    const content = `${'a'.repeat(30_000)}!`;
    const started = performance.now();
    await seedConversation(ws, { id: 'c1', startedAt: T0, messages: Array.from({ length: 20 }, (_, i) => ['user', content, i] as [string, string, number]) });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await sql`SELECT 1 FROM goal_completions WHERE workspace_id = ${ws}::uuid`).toHaveLength(0);
  });

  test("completions follow their conversation's avatar and start when ingestion changes them", async () => {
    const { id: ws } = await createTestWorkspace();
    await newGoal(ws, { name: 'Thanks', trigger: { type: 'phrases', phrases: ['thanks'] } });
    const item = (type: string, body: Record<string, unknown>) => ({ id: randomUUID(), type, body });
    await ingestBatch(ws, { batch: [item('message', { conversationId: 'c1', id: 'm1', role: 'user', content: 'thanks', createdAt: at(100) })] });
    await ingestBatch(ws, { batch: [item('conversation', { id: 'c1', avatarId: 'named-bot' })] });
    await ingestBatch(ws, { batch: [item('message', { conversationId: 'c1', id: 'm0', role: 'user', content: 'hello', createdAt: at(-86_400) })] });
    const [c] = await sql<{ avatar_id: string; started_at: Date }[]>`SELECT avatar_id, started_at FROM conversations WHERE workspace_id = ${ws}::uuid AND id = 'c1'`;
    const [g] = await sql<{ avatar_id: string; started_at: Date }[]>`SELECT avatar_id, started_at FROM goal_completions WHERE workspace_id = ${ws}::uuid`;
    expect(g).toEqual(c);
    expect(c.avatar_id).toBe('named-bot');
  });

  test('when a get-or-create names the avatar later, its goals see the facts that arrived before', async () => {
    const { id: ws } = await createTestWorkspace();
    await createWebhook(ws, { url: 'https://example.com/hook', events: ['goal.completed'] }, {});
    const thanks = await newGoal(ws, { name: 'Thanks', avatarId: 'named-bot', trigger: { type: 'phrases', phrases: ['thanks'] } });
    const searched = await newGoal(ws, { name: 'Searched', avatarId: 'named-bot', trigger: { type: 'tool', name: 'search' } });
    const calm = await newGoal(ws, { name: 'Calm', avatarId: 'named-bot', trigger: { type: 'no_escalation' } });
    const other = await newGoal(ws, { name: 'Other bot', avatarId: 'other-bot', trigger: { type: 'phrases', phrases: ['thanks'] } });
    const item = (type: string, body: Record<string, unknown>) => ({ id: randomUUID(), type, body });
    await ingestBatch(ws, {
      batch: [
        item('message', { conversationId: 'c1', id: 'm1', role: 'user', content: 'thanks a lot', createdAt: at(1) }),
        item('action', { conversationId: 'c1', id: 'a1', name: 'search', startedAt: at(2) }),
        item('conversation.end', { conversationId: 'c1', endedAt: at(5) }),
      ],
    });
    // Under `unknown`, no avatar's goal applies.
    expect(await sql`SELECT 1 FROM goal_completions WHERE workspace_id = ${ws}::uuid`).toHaveLength(0);
    await ingestBatch(ws, { batch: [item('conversation', { id: 'c1', avatarId: 'named-bot' })] });
    expect(await completions(ws, thanks.id)).toEqual([{ c: 'c1', at: at(1), m: 'm1', e: null, a: null }]);
    expect(await completions(ws, searched.id)).toEqual([{ c: 'c1', at: at(2), m: null, e: null, a: 'action' }]);
    expect(await completions(ws, calm.id)).toEqual([{ c: 'c1', at: at(5), m: null, e: null, a: null }]);
    expect(await completions(ws, other.id)).toEqual([]);
    const emitted = await sql`SELECT payload->>'goalId' AS goal FROM outbox_events WHERE workspace_id = ${ws}::uuid ORDER BY 1`;
    expect(emitted.map((r) => r.goal)).toEqual([thanks.id, searched.id, calm.id].sort());
    await expectGoalFlagsConsistent(ws);
  });

  test("one workspace's goals never complete in another", async () => {
    const a = await createTestWorkspace();
    const b = await createTestWorkspace();
    await newGoal(a.id, { name: 'Thanks', trigger: { type: 'phrases', phrases: ['thanks'] } });
    await seedConversation(b.id, { id: 'c1', startedAt: T0, messages: [['user', 'thanks', 1]] });
    expect(await sql`SELECT 1 FROM goal_completions WHERE workspace_id = ${b.id}::uuid`).toHaveLength(0);
  });
});

const DATASET: ConversationSpec[] = [
  { id: 'd1', avatarId: 'sales', startedAt: T0, messages: [['user', 'price?', 1], ['assistant', 'ask me at a@b.co', 2], ['user', 'me: z@x.io thanks', 3]], endAfter: 50 },
  { id: 'd2', avatarId: 'support', startedAt: T0, messages: [['user', 'Thank you so much', 5]], tools: [{ name: 'search', at: 2 }, { name: 'search', at: 4 }], endAfter: 30 },
  { id: 'd3', avatarId: 'support', startedAt: T0, messages: [['user', 'help', 1]], tools: [{ name: 'fallback_to_human', at: 2 }], endAfter: 20 },
  { id: 'd4', avatarId: 'sales', startedAt: T0, messages: [['user', 'thx', 1]], events: [{ name: 'signup', at: 3 }, { name: 'signup', at: 2 }] },
  { id: 'd5', avatarId: 'sales', startedAt: T0, messages: [['assistant', 'hello', 1]], endAfter: 10 },
];

const GOALS: GoalInput[] = [
  { name: 'Lead captured', trigger: GOAL_TEMPLATES[0].trigger },
  { name: 'Question answered', trigger: GOAL_TEMPLATES[1].trigger },
  { name: 'Escalation avoided', trigger: GOAL_TEMPLATES[2].trigger },
  { name: 'Searched', avatarId: 'support', trigger: { type: 'tool', name: 'search' } },
  { name: 'Signed up', trigger: { type: 'event', name: 'signup' } },
];

describe('back-fill', () => {
  test('gives the same completions as live evaluation of the same data', async () => {
    const live = await createTestWorkspace();
    const ids: string[] = [];
    for (const g of GOALS) ids.push((await newGoal(live.id, g)).id);
    for (const c of DATASET) await seedConversation(live.id, c);

    const later = await createTestWorkspace();
    for (const c of DATASET) await seedConversation(later.id, c);
    const laterIds: string[] = [];
    for (const g of GOALS) laterIds.push((await createGoal(later.id, g, actor)).id);
    const reports = await runPendingBackfills({ workspaceIds: [later.id] });
    expect(reports.filter((r) => laterIds.includes(r.goalId)).map((r) => r.status)).toEqual(GOALS.map(() => 'done'));

    const expected: Record<string, string[]> = {
      'Lead captured': ['d1'],
      'Question answered': ['d1', 'd2', 'd4'],
      'Escalation avoided': ['d1', 'd2', 'd5'],
      Searched: ['d2'],
      'Signed up': ['d4'],
    };
    for (let i = 0; i < GOALS.length; i++) {
      const liveRows = await comparable(live.id, ids[i]);
      expect(liveRows.map((r) => r.c), GOALS[i].name).toEqual(expected[GOALS[i].name]);
      expect(await comparable(later.id, laterIds[i]), GOALS[i].name).toEqual(liveRows);
    }
    const [goal] = await sql`SELECT backfill_status, backfill_progress FROM goals WHERE workspace_id = ${later.id}::uuid AND id = ${laterIds[0]}`;
    expect(goal).toEqual({ backfill_status: 'done', backfill_progress: 1 });
    await expectGoalFlagsConsistent(live.id);
    await expectGoalFlagsConsistent(later.id);
  });

  test('a back-fill over enough conversations is followed by a VACUUM of what it wrote (index-only reads stay index-only)', async (context) => {
    const [{ version }] = await sql<{ version: string }[]>`SELECT version()`;
    if (/emscripten|wasm|pglite/i.test(version)) context.skip(); // no vacuum statistics to read there
    const { id: ws } = await createTestWorkspace();
    for (const c of DATASET) await seedConversation(ws, c);
    const vacuums = async () => {
      const [row] = await sql<{ n: number }[]>`SELECT vacuum_count::int AS n FROM pg_stat_user_tables WHERE relname = 'goal_completions'`;
      return row.n;
    };
    const before = await vacuums();
    await createGoal(ws, { name: 'Searched', trigger: { type: 'tool', name: 'search' } }, actor);
    await runPendingBackfills({ workspaceIds: [ws], vacuumAfterConversations: DATASET.length });
    expect(await vacuums()).toBeGreaterThan(before);
    // A small pass leaves it to autovacuum.
    await createGoal(ws, { name: 'Handoff', trigger: { type: 'tool', name: 'fallback_to_human' } }, actor);
    const after = await vacuums();
    await runPendingBackfills({ workspaceIds: [ws] });
    expect(await vacuums()).toBe(after);
  });

  test('editing a goal re-runs its back-fill; deleting it removes its completions and flags', async () => {
    const { id: ws } = await createTestWorkspace();
    for (const c of DATASET) await seedConversation(ws, c);
    const goal = await newGoal(ws, { name: 'Searched', trigger: { type: 'tool', name: 'search' } });
    expect((await completions(ws, goal.id)).map((r) => r.c)).toEqual(['d2']);

    const edited = await updateGoal(ws, goal.id, { trigger: { type: 'tool', name: 'fallback_to_human' } }, actor);
    expect(edited?.backfill.status).toBe('pending');
    await runPendingBackfills({ workspaceIds: [ws] });
    expect((await completions(ws, goal.id)).map((r) => r.c)).toEqual(['d3']);
    await expectGoalFlagsConsistent(ws);

    const renamed = await updateGoal(ws, goal.id, { name: 'Handoff' }, actor);
    expect(renamed?.backfill.status).toBe('done');
    // The same trigger with its keys in another order is no redefinition.
    const same = await updateGoal(ws, goal.id, { trigger: { name: 'fallback_to_human', type: 'tool' } as never }, actor);
    expect(same?.backfill.status).toBe('done');

    expect(await deleteGoal(ws, goal.id, actor)).toBe(true);
    expect(await completions(ws, goal.id)).toEqual([]);
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM conversations WHERE workspace_id = ${ws}::uuid AND goal_reached`;
    expect(n).toBe(0);
    await expectGoalFlagsConsistent(ws);
    expect(await deleteGoal(ws, goal.id, actor)).toBe(false);
  });

  test('a back-fill superseded by an edit stops, and the edit is back-filled', async () => {
    const { id: ws } = await createTestWorkspace();
    for (const c of DATASET) await seedConversation(ws, c);
    const goal = await createGoal(ws, { name: 'Thanks', trigger: { type: 'phrases', phrases: ['thanks'] } }, actor);
    await updateGoal(ws, goal.id, { trigger: { type: 'phrases', phrases: ['help'] } }, actor);
    await runPendingBackfills({ workspaceIds: [ws] });
    expect((await completions(ws, goal.id)).map((r) => r.c)).toEqual(['d3']);
  });
});

describe('validation', () => {
  test('invalid patterns are rejected with the reason', async () => {
    const { goalInputSchema } = await import('./service');
    const result = goalInputSchema.safeParse({ name: 'Bad', trigger: { type: 'pattern', pattern: '(?<=a)b' } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['trigger', 'pattern'], message: expect.stringMatching(/^Invalid pattern: .*\(\?</) });
    const unbalanced = goalInputSchema.safeParse({ name: 'Bad', trigger: { type: 'pattern', pattern: '(a' } });
    expect(unbalanced.error!.issues[0].message).toBe('Invalid pattern: missing ): (a');
    expect(goalInputSchema.safeParse({ name: 'x', trigger: { type: 'regex' } }).success).toBe(false);
  });
});
