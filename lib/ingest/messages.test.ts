import { afterAll, describe, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { createTestWorkspace } from '@/test/factories';
import { conversationRow, hourlySum, hourlyTotals, messageRows } from '@/test/ingest-db';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { addMessages, getOrCreateConversation } from './single';
import type { MessageBody } from './parse/schemas';

afterAll(closeDb);

const at = (iso: string) => new Date(iso);
const msg = (id: string, role: MessageBody['role'], createdAt: string, content = `${role} ${id}`): MessageBody => ({
  id,
  role,
  content,
  createdAt: at(createdAt),
});

async function responseTimes(workspaceId: string, conversationId: string) {
  return Object.fromEntries((await messageRows(workspaceId, conversationId)).map((m) => [m.id, m.response_time_ms]));
}

describe('counters and response times', () => {
  test('keep message counts, tokens and response times, and roll them up by message hour', async () => {
    const ws = await createTestWorkspace();
    await getOrCreateConversation(ws.id, { id: 'c', avatarId: 'a', startedAt: at('2024-05-01T09:59:00Z') });
    const { created, messages } = await addMessages(ws.id, 'c', [
      { ...msg('m1', 'system', '2024-05-01T09:59:30Z') },
      { ...msg('m2', 'user', '2024-05-01T09:59:58Z') },
      { ...msg('m3', 'assistant', '2024-05-01T10:00:01.5Z'), tokens: { prompt: 100, completion: 20 } },
      { ...msg('m4', 'assistant', '2024-05-01T10:00:03Z'), tokens: { completion: 5 } },
    ]);
    expect(created).toBe(true);
    expect(messages.map((m) => [m.id, m.responseTimeMs])).toEqual([['m1', null], ['m2', null], ['m3', 3500], ['m4', null]]);
    const row = (await conversationRow(ws.id, 'c'))!;
    expect(row).toMatchObject({
      message_count: 4, user_message_count: 1, assistant_message_count: 2, system_message_count: 1,
      prompt_tokens: 100, completion_tokens: 25, last_activity_at: at('2024-05-01T10:00:03Z'), first_user_message: 'user m2',
    });
    const hours = await hourlyTotals(ws.id);
    expect(hours.map((h) => [h.hour, h.messages, h.response_time_sum_ms, h.response_time_count, h.conversations])).toEqual([
      ['2024-05-01 09', 2, 0, 0, 1],
      ['2024-05-01 10', 2, 3500, 1, 0],
    ]);
    await expectRollupsConsistent(ws.id);
  });

  test('a late message fixes the response time of the message that now follows it', async () => {
    const ws = await createTestWorkspace();
    await addMessages(ws.id, 'c', [msg('u1', 'user', '2024-05-01T10:00:00Z'), msg('a1', 'assistant', '2024-05-01T10:00:05Z')]);
    expect(await responseTimes(ws.id, 'c')).toEqual({ u1: null, a1: 5000 });

    // A system message lands between them: the assistant no longer answers a user message.
    await addMessages(ws.id, 'c', [msg('s1', 'system', '2024-05-01T10:00:02Z')]);
    expect(await responseTimes(ws.id, 'c')).toEqual({ u1: null, s1: null, a1: null });
    await expectRollupsConsistent(ws.id);

    // A later user message between them: the assistant now answers it.
    await addMessages(ws.id, 'c', [msg('u2', 'user', '2024-05-01T10:00:04Z')]);
    expect(await responseTimes(ws.id, 'c')).toEqual({ u1: null, s1: null, u2: null, a1: 1000 });

    // Messages arriving in the reverse order in one request.
    await addMessages(ws.id, 'c', [msg('a2', 'assistant', '2024-05-01T10:01:09Z'), msg('u3', 'user', '2024-05-01T10:01:00Z')]);
    expect((await responseTimes(ws.id, 'c')).a2).toBe(9000);
    expect(await hourlySum(ws.id, 'response_time_sum_ms')).toBe(10_000);
    expect(await hourlySum(ws.id, 'response_time_count')).toBe(2);
    await expectRollupsConsistent(ws.id);
  });

  test('an older message moves started_at and the conversation to its hour bucket', async () => {
    const ws = await createTestWorkspace();
    await addMessages(ws.id, 'c', [msg('m1', 'user', '2024-05-01T10:15:00Z')]);
    expect((await conversationRow(ws.id, 'c'))!.started_at).toEqual(at('2024-05-01T10:15:00Z'));
    await addMessages(ws.id, 'c', [msg('m0', 'user', '2024-05-01T08:45:00Z', 'first words')]);
    const row = (await conversationRow(ws.id, 'c'))!;
    expect(row.started_at).toEqual(at('2024-05-01T08:45:00Z'));
    expect(row.first_user_message).toBe('first words');
    const hours = await hourlyTotals(ws.id);
    expect(hours.filter((h) => h.conversations !== 0).map((h) => h.hour)).toEqual(['2024-05-01 08']);
    await expectRollupsConsistent(ws.id);
  });

  test('a repeated message id is a no-op that answers with the stored message', async () => {
    const ws = await createTestWorkspace();
    const first = await addMessages(ws.id, 'c', [{ id: 'm1', role: 'user', content: 'I love it', createdAt: at('2024-05-01T10:00:00Z') }]);
    const replay = await addMessages(ws.id, 'c', [{ id: 'm1', role: 'assistant', content: 'other', createdAt: at('2024-05-02T10:00:00Z') }]);
    expect(replay.created).toBe(false);
    expect(replay.messages).toEqual(first.messages);
    expect((await conversationRow(ws.id, 'c'))!.message_count).toBe(1);
    expect(await hourlySum(ws.id, 'messages')).toBe(1);
    await expectRollupsConsistent(ws.id);
  });

  test('messages without createdAt take the time they were received', async () => {
    const ws = await createTestWorkspace();
    const before = Date.now();
    const { messages } = await addMessages(ws.id, 'c', [{ role: 'user', content: 'now' }]);
    expect(new Date(messages[0].createdAt).getTime()).toBeGreaterThanOrEqual(before);
    expect(messages[0].id).toMatch(/^msg_/);
  });
});

describe('sentiment', () => {
  test('labels user messages and keeps the conversation mean', async () => {
    const ws = await createTestWorkspace();
    const { messages } = await addMessages(ws.id, 'c', [
      { id: 'p', role: 'user', content: 'I love this, thank you so much!' },
      { id: 'n', role: 'user', content: 'This is terrible and useless' },
      { id: 'z', role: 'user', content: 'The package ships on Tuesday' },
      { id: 'a', role: 'assistant', content: 'I hate to say this is awful' },
    ]);
    const labels = Object.fromEntries(messages.map((m) => [m.id, m.sentiment?.label ?? null]));
    expect(labels).toEqual({ p: 'positive', n: 'negative', z: 'neutral', a: null });
    const scores = messages.filter((m) => m.sentiment).map((m) => m.sentiment!.score);
    const mean = scores.reduce((s, x) => s + x, 0) / 3;
    const row = (await conversationRow(ws.id, 'c'))!;
    expect(row.sentiment_count).toBe(3);
    expect(row.sentiment_score as number).toBeCloseTo(mean, 3);
    const expected = mean >= 0.05 ? 'positive' : mean <= -0.05 ? 'negative' : 'neutral';
    expect(row.sentiment_label).toBe(expected);
    await expectRollupsConsistent(ws.id);

    // More negative text moves the conversation to negative, and its rollup bucket follows.
    await addMessages(ws.id, 'c', [{ role: 'user', content: 'Awful, horrible, worst experience ever. I hate it.' }]);
    expect((await conversationRow(ws.id, 'c'))!.sentiment_label).toBe('negative');
    expect(await hourlySum(ws.id, 'negative_conversations')).toBe(1);
    expect(await hourlySum(ws.id, 'positive_conversations') + (await hourlySum(ws.id, 'neutral_conversations'))).toBe(0);
    await expectRollupsConsistent(ws.id);
  });
});

describe('language', () => {
  test('is detected from user messages when not given, and refined while the conversation is young', async () => {
    const ws = await createTestWorkspace();
    await getOrCreateConversation(ws.id, { id: 'c', avatarId: 'a' });
    await addMessages(ws.id, 'c', [
      { role: 'user', content: 'Hallo, ich möchte gerne den Status meiner Bestellung wissen.' },
      { role: 'assistant', content: 'Sure, one moment please.' },
    ]);
    expect(await conversationRow(ws.id, 'c')).toMatchObject({ language: 'de', language_detected: true });
    await expectRollupsConsistent(ws.id);
  });

  test('a language given by the client is kept', async () => {
    const ws = await createTestWorkspace();
    await getOrCreateConversation(ws.id, { id: 'c', avatarId: 'a', language: 'en' });
    await addMessages(ws.id, 'c', [{ role: 'user', content: 'Hola, me gustaría saber el estado de mi pedido, por favor.' }]);
    expect(await conversationRow(ws.id, 'c')).toMatchObject({ language: 'en', language_detected: false });
  });

  test('too little text leaves it unknown', async () => {
    const ws = await createTestWorkspace();
    await addMessages(ws.id, 'c', [{ role: 'user', content: 'ok' }]);
    expect(await conversationRow(ws.id, 'c')).toMatchObject({ language: null, language_detected: false });
  });
});
