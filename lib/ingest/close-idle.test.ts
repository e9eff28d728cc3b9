import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { createWebhook } from '@/lib/webhooks/service';
import { createTestWorkspace } from '@/test/factories';
import { conversationRow, hourlySum } from '@/test/ingest-db';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { closeIdleConversations } from './close-idle';
import { addMessages, endConversation, getOrCreateConversation } from './single';

afterAll(closeDb);

const at = (iso: string) => new Date(iso);

test('ends conversations idle past their workspace timeout at their last activity', async () => {
  const [ws, patient] = await Promise.all([createTestWorkspace(), createTestWorkspace()]);
  await sql`UPDATE workspaces SET inactivity_timeout_minutes = 120 WHERE id = ${patient.id}::uuid`;
  for (const w of [ws, patient]) {
    await getOrCreateConversation(w.id, { id: 'idle', avatarId: 'a', startedAt: at('2024-05-01T10:00:00Z') });
    await addMessages(w.id, 'idle', [{ role: 'user', content: 'hi', createdAt: at('2024-05-01T10:05:00Z') }]);
    await getOrCreateConversation(w.id, { id: 'fresh', avatarId: 'a', startedAt: at('2024-05-01T10:40:00Z') });
  }

  // 45 minutes after the idle one's last message: past 30 minutes, not past 120.
  const closed = await closeIdleConversations(at('2024-05-01T10:50:00Z'), { workspaceIds: [ws.id] });
  expect(closed).toBe(1);
  expect(await conversationRow(ws.id, 'idle')).toMatchObject({ status: 'ended', end_reason: 'inactivity', ended_at: at('2024-05-01T10:05:00Z') });
  expect((await conversationRow(ws.id, 'fresh'))!.status).toBe('active');
  expect(await closeIdleConversations(at('2024-05-01T10:50:00Z'), { workspaceIds: [patient.id] })).toBe(0);
  expect((await conversationRow(patient.id, 'idle'))!.status).toBe('active');
  expect(await hourlySum(ws.id, 'ended_conversations')).toBe(1);
  expect(await hourlySum(ws.id, 'duration_sum_s')).toBe(300);
  await expectRollupsConsistent(ws.id);

  // Running again closes nothing twice; a later run closes the message-less one without counting its duration.
  expect(await closeIdleConversations(at('2024-05-01T10:50:00Z'), { workspaceIds: [ws.id] })).toBe(0);
  await closeIdleConversations(at('2024-05-01T11:30:00Z'), { workspaceIds: [ws.id] });
  expect((await conversationRow(ws.id, 'fresh'))!.status).toBe('ended');
  expect(await hourlySum(ws.id, 'ended_conversations')).toBe(1);
  await expectRollupsConsistent(ws.id);
  await expectRollupsConsistent(patient.id);
});

test('an idle-closed conversation takes the client’s end feedback and resumes on new activity', async () => {
  const ws = await createTestWorkspace();
  await getOrCreateConversation(ws.id, { id: 'c', avatarId: 'a', startedAt: at('2024-05-01T10:00:00Z') });
  await addMessages(ws.id, 'c', [{ role: 'user', content: 'hi', createdAt: at('2024-05-01T10:01:00Z') }]);
  await closeIdleConversations(at('2024-05-01T11:00:00Z'), { workspaceIds: [ws.id] });

  // A late message from before the close does not reopen it.
  await addMessages(ws.id, 'c', [{ role: 'assistant', content: 'hello', createdAt: at('2024-05-01T10:00:30Z') }]);
  expect((await conversationRow(ws.id, 'c'))!.status).toBe('ended');

  // New activity after the close resumes it; the next idle close ends it at the new last activity.
  await addMessages(ws.id, 'c', [{ role: 'user', content: 'still there?', createdAt: at('2024-05-01T11:10:00Z') }]);
  expect(await conversationRow(ws.id, 'c')).toMatchObject({ status: 'active', ended_at: null });
  expect(await hourlySum(ws.id, 'ended_conversations')).toBe(0);
  await closeIdleConversations(at('2024-05-01T12:00:00Z'), { workspaceIds: [ws.id] });
  expect((await conversationRow(ws.id, 'c'))!.ended_at).toEqual(at('2024-05-01T11:10:00Z'));
  await expectRollupsConsistent(ws.id);

  // The client's end after an idle close records feedback and keeps the idle end time.
  const { conversation } = await endConversation(ws.id, 'c', { feedback: 'positive' });
  expect(conversation).toMatchObject({ status: 'ended', feedback: 'positive' });
  expect(conversation.endedAt).toEqual(at('2024-05-01T11:10:00Z'));
  expect((await conversationRow(ws.id, 'c'))!.end_reason).toBe('client');
  await expectRollupsConsistent(ws.id);
});

test('one sweep closes the idle conversations of every workspace in its scope', async () => {
  // The scope keeps this sweep away from other tests' conversations; the worker's sweep has none.
  const [a, b] = await Promise.all([createTestWorkspace(), createTestWorkspace()]);
  for (const w of [a, b]) await addMessages(w.id, 'c', [{ role: 'user', content: 'hi', createdAt: at('2001-01-01T00:00:00Z') }]);
  expect(await closeIdleConversations(at('2001-01-01T01:00:00Z'), { workspaceIds: [a.id, b.id] })).toBe(2);
  expect((await conversationRow(a.id, 'c'))!.status).toBe('ended');
  expect((await conversationRow(b.id, 'c'))!.status).toBe('ended');
});

test('the idle close writes conversation.ended to the event stream only for a workspace whose enabled webhook takes it', async () => {
  const [quiet, hooked] = await Promise.all([createTestWorkspace(), createTestWorkspace()]);
  await createWebhook(hooked.id, { url: 'https://example.com/hook', events: ['conversation.ended'] }, {});
  for (const w of [quiet, hooked]) {
    await getOrCreateConversation(w.id, { id: 'idle', avatarId: 'a', startedAt: at('2024-05-01T10:00:00Z') });
  }
  expect(await closeIdleConversations(at('2024-05-01T11:00:00Z'), { workspaceIds: [quiet.id, hooked.id] })).toBe(2);
  const stream = await sql<{ workspace_id: string; type: string; conversation_id: string }[]>`
    SELECT workspace_id, type, conversation_id FROM outbox_events WHERE workspace_id IN (${quiet.id}::uuid, ${hooked.id}::uuid)`;
  expect(stream).toEqual([{ workspace_id: hooked.id, type: 'conversation.ended', conversation_id: 'idle' }]);
});
