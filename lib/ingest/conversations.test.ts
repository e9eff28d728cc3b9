import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { createTestWorkspace } from '@/test/factories';
import { conversationRow, hourlySum, storedAnywhere } from '@/test/ingest-db';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { addMessages, getOrCreateConversation, initializeConversation } from './single';

afterAll(closeDb);

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

describe('get-or-create', () => {
  test('creates the conversation, its avatar and its derived attributes; a replay returns it unchanged', async () => {
    const ws = await createTestWorkspace();
    const body = { id: 'conv-1', avatarId: 'support-bot', customerId: 'cust-1', customerIpAddress: '8.8.8.8', userAgent: IPHONE, source: 'web' };
    const first = await getOrCreateConversation(ws.id, body);
    expect(first.created).toBe(true);
    expect(first.conversation).toMatchObject({
      id: 'conv-1', avatarId: 'support-bot', customerId: 'cust-1', status: 'active', interacted: true,
      country: 'US', device: 'mobile', source: 'web', messageCount: 0, sentiment: null,
    });
    const [avatar] = await sql`SELECT name FROM avatars WHERE workspace_id = ${ws.id}::uuid AND id = 'support-bot'`;
    expect(avatar.name).toBe('support-bot');
    expect(await storedAnywhere(ws.id, '8.8.8.8')).toBe(false);

    const replay = await getOrCreateConversation(ws.id, body);
    expect(replay.created).toBe(false);
    expect(replay.conversation.startedAt).toEqual(first.conversation.startedAt);
    expect(await hourlySum(ws.id, 'conversations')).toBe(1);
    expect(await hourlySum(ws.id, 'interacted_conversations')).toBe(1);
    await expectRollupsConsistent(ws.id);
  });

  test('keeps an explicit device and startedAt, and reads feedback from metadata', async () => {
    const ws = await createTestWorkspace();
    const { conversation } = await getOrCreateConversation(ws.id, {
      id: 'c', avatarId: 'a', device: 'tablet', userAgent: IPHONE, startedAt: new Date('2024-05-01T10:30:00Z'),
      metadata: { feedback: 'thumbs_up', plan: 'pro' },
    });
    expect(conversation).toMatchObject({ device: 'tablet', feedback: 'positive', metadata: { feedback: 'thumbs_up', plan: 'pro' } });
    expect(conversation.startedAt).toEqual(new Date('2024-05-01T10:30:00Z'));
    // An older message does not move an explicit start.
    await addMessages(ws.id, 'c', [{ role: 'user', content: 'hi', createdAt: new Date('2024-05-01T09:00:00Z') }]);
    expect((await conversationRow(ws.id, 'c'))!.started_at).toEqual(new Date('2024-05-01T10:30:00Z'));
    expect(await hourlySum(ws.id, 'feedback_positive')).toBe(1);
    await expectRollupsConsistent(ws.id);
  });

  test('fills what an existing conversation does not know yet, never overwriting', async () => {
    const ws = await createTestWorkspace();
    await getOrCreateConversation(ws.id, { id: 'c', avatarId: 'a', source: 'web', metadata: { a: 1 } });
    const { conversation } = await getOrCreateConversation(ws.id, {
      id: 'c', avatarId: 'other', source: 'whatsapp', customerId: 'u9', language: 'fr', metadata: { a: 2, b: 3 },
    });
    expect(conversation).toMatchObject({ avatarId: 'a', source: 'web', customerId: 'u9', language: 'fr', metadata: { a: 1, b: 3 } });
    await expectRollupsConsistent(ws.id);
  });
});

describe('initialize', () => {
  test('counts as interacted once a get-or-create follows, exactly once', async () => {
    const ws = await createTestWorkspace();
    const body = { id: 'c', avatarId: 'a' };
    const init = await initializeConversation(ws.id, body);
    expect(init.created).toBe(true);
    expect(init.conversation.interacted).toBe(false);
    expect(init.conversation.initializedAt).toBeInstanceOf(Date);
    expect(await hourlySum(ws.id, 'conversations')).toBe(1);
    expect(await hourlySum(ws.id, 'interacted_conversations')).toBe(0);

    const again = await initializeConversation(ws.id, { ...body, source: 'web' });
    expect(again.created).toBe(false);
    expect(again.conversation).toMatchObject({ interacted: false, source: null });

    for (let i = 0; i < 2; i++) {
      const touched = await getOrCreateConversation(ws.id, body);
      expect(touched.created).toBe(false);
      expect(touched.conversation.interacted).toBe(true);
    }
    await initializeConversation(ws.id, body);
    expect((await conversationRow(ws.id, 'c'))!.interacted).toBe(true);
    expect(await hourlySum(ws.id, 'conversations')).toBe(1);
    expect(await hourlySum(ws.id, 'interacted_conversations')).toBe(1);
    await expectRollupsConsistent(ws.id);
  });

  test('a message or an action on an initialized conversation makes it interacted', async () => {
    const ws = await createTestWorkspace();
    await initializeConversation(ws.id, { id: 'c', avatarId: 'a' });
    await addMessages(ws.id, 'c', [{ role: 'user', content: 'hello' }]);
    expect((await conversationRow(ws.id, 'c'))!.interacted).toBe(true);
    expect(await hourlySum(ws.id, 'interacted_conversations')).toBe(1);
    await expectRollupsConsistent(ws.id);
  });
});

describe('conversations first heard of through a message', () => {
  test('belong to the `unknown` avatar until a get-or-create names one, and their facts move with it', async () => {
    const ws = await createTestWorkspace();
    await addMessages(ws.id, 'c', [
      { id: 'm1', role: 'user', content: 'hi', createdAt: new Date('2024-05-01T10:00:00Z'), tokens: { prompt: 5 } },
      { id: 'm2', role: 'assistant', content: 'hello', createdAt: new Date('2024-05-01T10:00:04Z') },
    ]);
    expect((await conversationRow(ws.id, 'c'))!.avatar_id).toBe('unknown');
    await expectRollupsConsistent(ws.id);

    const { conversation } = await getOrCreateConversation(ws.id, { id: 'c', avatarId: 'sales-bot', customerId: 'u1' });
    expect(conversation).toMatchObject({ avatarId: 'sales-bot', customerId: 'u1', messageCount: 2 });
    const [unknown] = await sql`
      SELECT coalesce(sum(messages), 0)::int AS messages FROM rollup_hourly WHERE workspace_id = ${ws.id}::uuid AND avatar_id = 'unknown'`;
    expect(unknown.messages).toBe(0);
    await expectRollupsConsistent(ws.id);
  });

  test('take the avatarId a message carries', async () => {
    const ws = await createTestWorkspace();
    await addMessages(ws.id, 'c', [{ role: 'user', content: 'hi', avatarId: 'bot-7' }]);
    expect((await conversationRow(ws.id, 'c'))!.avatar_id).toBe('bot-7');
    await expectRollupsConsistent(ws.id);
  });
});

test('workspaces never see each other’s conversations, even with the same ids', async () => {
  const [a, b] = await Promise.all([createTestWorkspace('A'), createTestWorkspace('B')]);
  await getOrCreateConversation(a.id, { id: 'shared-id', avatarId: 'bot', source: 'a' });
  await addMessages(a.id, 'shared-id', [{ id: 'm1', role: 'user', content: 'from A' }]);
  const inB = await getOrCreateConversation(b.id, { id: 'shared-id', avatarId: 'bot', source: 'b' });
  expect(inB.created).toBe(true);
  expect(inB.conversation).toMatchObject({ source: 'b', messageCount: 0 });
  const replayInB = await addMessages(b.id, 'shared-id', [{ id: 'm1', role: 'user', content: 'from B' }]);
  expect(replayInB.created).toBe(true);
  expect((await conversationRow(a.id, 'shared-id'))!.message_count).toBe(1);
  expect((await conversationRow(a.id, 'shared-id'))!.first_user_message).toBe('from A');
  expect((await conversationRow(b.id, 'shared-id'))!.first_user_message).toBe('from B');
  await expectRollupsConsistent(a.id);
  await expectRollupsConsistent(b.id);
});
