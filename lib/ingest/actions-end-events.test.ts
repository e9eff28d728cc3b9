import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { createTestWorkspace } from '@/test/factories';
import { conversationRow, hourlySum } from '@/test/ingest-db';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { addAction, addMessages, endConversation, getOrCreateConversation, trackEvent } from './single';

afterAll(closeDb);

const at = (iso: string) => new Date(iso);

async function toolRollups(workspaceId: string) {
  return sql<{ tool_name: string; calls: number; duration_sum_ms: number; duration_count: number; escalations: number }[]>`
    SELECT tool_name, sum(calls)::int AS calls, sum(duration_sum_ms)::int AS duration_sum_ms,
      sum(duration_count)::int AS duration_count, sum(escalations)::int AS escalations
    FROM rollup_tools WHERE workspace_id = ${workspaceId}::uuid GROUP BY tool_name ORDER BY tool_name`;
}

describe('actions', () => {
  test('escalate when the tool is in the workspace list, ignoring case', async () => {
    const ws = await createTestWorkspace();
    await getOrCreateConversation(ws.id, { id: 'c', avatarId: 'a' });
    const search = await addAction(ws.id, 'c', { id: 't1', name: 'search_docs', durationMs: 120, startedAt: at('2024-05-01T10:00:00Z') });
    expect(search).toMatchObject({ created: true, action: { id: 't1', name: 'search_docs', isEscalation: false, durationMs: 120 } });
    expect((await conversationRow(ws.id, 'c'))!.escalated).toBe(false);

    const handoff = await addAction(ws.id, 'c', { id: 't2', name: 'Fallback_To_Human', startedAt: at('2024-05-01T10:01:00Z') });
    expect(handoff.action.isEscalation).toBe(true);
    expect(await conversationRow(ws.id, 'c')).toMatchObject({ escalated: true, escalated_at: at('2024-05-01T10:01:00Z'), action_count: 2 });

    const replay = await addAction(ws.id, 'c', { id: 't2', name: 'Fallback_To_Human' });
    expect(replay.created).toBe(false);
    expect(await toolRollups(ws.id)).toEqual([
      { tool_name: 'Fallback_To_Human', calls: 1, duration_sum_ms: 0, duration_count: 0, escalations: 1 },
      { tool_name: 'search_docs', calls: 1, duration_sum_ms: 120, duration_count: 1, escalations: 0 },
    ]);
    expect(await hourlySum(ws.id, 'escalated_conversations')).toBe(1);
    await expectRollupsConsistent(ws.id);
  });

  test('follow a workspace’s own escalation list', async () => {
    const ws = await createTestWorkspace();
    await sql`UPDATE workspaces SET escalation_tool_names = ARRAY['Page_Oncall'] WHERE id = ${ws.id}::uuid`;
    await addAction(ws.id, 'c', { name: 'fallback_to_human' });
    expect((await conversationRow(ws.id, 'c'))!.escalated).toBe(false);
    await addAction(ws.id, 'c', { name: 'page_oncall' });
    expect((await conversationRow(ws.id, 'c'))!.escalated).toBe(true);
    await expectRollupsConsistent(ws.id);
  });
});

describe('end', () => {
  test('ends with feedback and duration; ending again changes nothing', async () => {
    const ws = await createTestWorkspace();
    await getOrCreateConversation(ws.id, { id: 'c', avatarId: 'a', startedAt: at('2024-05-01T10:00:00Z') });
    await addMessages(ws.id, 'c', [{ role: 'user', content: 'hi', createdAt: at('2024-05-01T10:00:10Z') }]);
    const { conversation } = await endConversation(ws.id, 'c', {
      endedAt: at('2024-05-01T10:04:00Z'), feedback: { rating: 2 }, metadata: { resolved: false },
    });
    expect(conversation).toMatchObject({ status: 'ended', feedback: 'negative', feedbackRating: 2, metadata: { resolved: false } });
    expect(conversation.endedAt).toEqual(at('2024-05-01T10:04:00Z'));
    expect(await hourlySum(ws.id, 'ended_conversations')).toBe(1);
    expect(await hourlySum(ws.id, 'duration_sum_s')).toBe(240);
    expect(await hourlySum(ws.id, 'feedback_negative')).toBe(1);
    expect(await hourlySum(ws.id, 'rating_sum')).toBe(2);

    const again = await endConversation(ws.id, 'c', { endedAt: at('2024-05-01T11:00:00Z'), feedback: 'positive', escalated: true });
    expect(again.conversation).toMatchObject({ feedback: 'negative', escalated: false });
    expect(again.conversation.endedAt).toEqual(at('2024-05-01T10:04:00Z'));
    await expectRollupsConsistent(ws.id);
  });

  test('takes feedback from metadata.feedback and escalation from escalated: true', async () => {
    const ws = await createTestWorkspace();
    await getOrCreateConversation(ws.id, { id: 'c', avatarId: 'a' });
    const { conversation } = await endConversation(ws.id, 'c', { escalated: true, metadata: { feedback: 'thumbs up' } });
    expect(conversation).toMatchObject({ status: 'ended', escalated: true, feedback: 'positive' });
    expect(conversation.escalatedAt).toEqual(conversation.endedAt);
    // No messages: ended, but not part of the duration average.
    expect(await hourlySum(ws.id, 'ended_conversations')).toBe(0);
    expect(await hourlySum(ws.id, 'escalated_conversations')).toBe(1);
    expect(await hourlySum(ws.id, 'feedback_positive')).toBe(1);
    await expectRollupsConsistent(ws.id);
  });

  test('never ends before the start, and ends an unknown conversation by creating it', async () => {
    const ws = await createTestWorkspace();
    await getOrCreateConversation(ws.id, { id: 'c', avatarId: 'a', startedAt: at('2024-05-01T10:00:00Z') });
    const { conversation } = await endConversation(ws.id, 'c', { endedAt: at('2024-05-01T09:00:00Z') });
    expect(conversation.endedAt).toEqual(at('2024-05-01T10:00:00Z'));

    const created = await endConversation(ws.id, 'never-seen', { feedback: 5 });
    expect(created.conversation).toMatchObject({ status: 'ended', avatarId: 'unknown', interacted: false, feedbackRating: 5 });
    await expectRollupsConsistent(ws.id);
  });
});

describe('events', () => {
  test('are stored once per id, with their avatar created', async () => {
    const ws = await createTestWorkspace();
    const body = { id: 'e1', name: 'goal.completed', conversationId: 'c', avatarId: 'bot-x', properties: { goal: 'lead' }, timestamp: at('2024-05-01T10:00:00Z') };
    const first = await trackEvent(ws.id, body);
    expect(first).toMatchObject({ created: true, event: { id: 'e1', name: 'goal.completed', conversationId: 'c', avatarId: 'bot-x' } });
    expect((await trackEvent(ws.id, body)).created).toBe(false);
    const generated = await trackEvent(ws.id, { name: 'avatar_message' });
    expect(generated.event.id).toMatch(/^evt_/);
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM avatars WHERE workspace_id = ${ws.id}::uuid AND id = 'bot-x'`;
    expect(n).toBe(1);
    // Events alone do not create conversations.
    expect(await conversationRow(ws.id, 'c')).toBeNull();
  });
});
