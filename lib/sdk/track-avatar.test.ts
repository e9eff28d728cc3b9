import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { createClient } from './client';
import type { ConfabError } from './errors';
import { batchItemsOf, startFakeServer, type FakeServer } from './testing/fake-server';
import { trackAvatar, type TrackAvatarOptions } from './track-avatar';
import type { BatchItem } from './types';

let server: FakeServer;
const errors: ConfabError[] = [];
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  errors.length = 0;
});
afterEach(() => expect(errors).toEqual([]));

function setup(options: Partial<TrackAvatarOptions> = {}) {
  const client = createClient({
    apiKey: 'cfb_test_key',
    baseUrl: server.baseUrl,
    batch: { flushIntervalMs: 60_000 },
    onError: (error) => errors.push(error),
  });
  const avatar = trackAvatar(client, { avatarId: 'avt_support', source: 'web', device: 'desktop', ...options });
  const sent = async (): Promise<BatchItem[]> => {
    await client.flush();
    return server.batches().flatMap(batchItemsOf);
  };
  return { client, avatar, sent };
}

const summary = (items: BatchItem[]) => items.map((item) => (item.type === 'event' ? `event:${item.body.name}` : item.type));

test('a whole conversation becomes the matching batch items and events', async () => {
  const { avatar, sent } = setup({ customerId: 'cust_1', metadata: { plan: 'pro' } });
  avatar.onConversationStart({ id: 'conv_1' });
  avatar.onMessage({ id: 'msg_1', role: 'user', content: 'Hi there', conversationId: 'conv_1' });
  avatar.onMessage({ role: 'assistant', content: 'Hello!', tokens: { prompt: 10, completion: 4 } });
  avatar.onConversationEnd({ id: 'conv_1', duration: 42, messageCount: 2, feedback: 'positive' });
  const items = await sent();

  expect(summary(items)).toEqual([
    'conversation',
    'event:avatar_conversation_started',
    'message',
    'event:avatar_message',
    'message',
    'event:avatar_message',
    'conversation.end',
    'event:avatar_conversation_ended',
  ]);
  const [conversation, started, userMessage, userEvent, reply, replyEvent, end, ended] = items.map((item) => item.body);
  expect(conversation).toEqual({ id: 'conv_1', avatarId: 'avt_support', customerId: 'cust_1', source: 'web', device: 'desktop', metadata: { plan: 'pro' } });
  expect(started).toMatchObject({ conversationId: 'conv_1', avatarId: 'avt_support', properties: { conversationId: 'conv_1', avatarId: 'avt_support' } });
  expect(userMessage).toMatchObject({ id: 'msg_1', conversationId: 'conv_1', role: 'user', content: 'Hi there' });
  expect(userEvent).toMatchObject({ conversationId: 'conv_1', properties: { role: 'user', length: 8 } });
  // The reply carried no conversation id: it joins the one that was started.
  expect(reply).toMatchObject({ conversationId: 'conv_1', role: 'assistant', tokens: { prompt: 10, completion: 4 } });
  expect(replyEvent).toMatchObject({ conversationId: 'conv_1', avatarId: 'avt_support', properties: { role: 'assistant', length: 6 } });
  expect(end).toMatchObject({ conversationId: 'conv_1', feedback: 'positive', endedAt: expect.any(String) });
  expect(ended).toMatchObject({ conversationId: 'conv_1', properties: { duration: 42, messageCount: 2 } });
});

test('onGoalComplete sends a goal.completed event for the current conversation', async () => {
  const { avatar, sent } = setup();
  avatar.onConversationStart({ id: 'conv_1', avatarId: 'avt_sales' });
  avatar.onGoalComplete({ name: 'demo_booked' });
  avatar.onGoalComplete({ name: 'demo_booked' });
  avatar.onGoalComplete({ name: 'lead_captured', conversationId: 'conv_1', messageId: 'msg_9' });
  const goals = (await sent()).filter((item) => item.type === 'event' && item.body.name === 'goal.completed');
  expect(goals.map((item) => item.body)).toEqual([
    expect.objectContaining({ conversationId: 'conv_1', avatarId: 'avt_sales', properties: { goal: 'demo_booked' } }),
    expect.objectContaining({ conversationId: 'conv_1', properties: { goal: 'lead_captured', messageId: 'msg_9' } }),
  ]);
});

test('client-side goals fire once per conversation per goal, on user messages', async () => {
  const { avatar, sent } = setup({
    goals: [
      { name: 'email_captured', trigger: { type: 'pattern', pattern: /[\w.]+@[\w.]+/g } },
      { name: 'thanked', trigger: { type: 'phrases', phrases: ['Thanks', 'thank you'] } },
    ],
  });
  avatar.onConversationStart({ id: 'conv_1' });
  avatar.onMessage({ role: 'assistant', content: 'Write to help@example.com' });
  avatar.onMessage({ id: 'msg_a', role: 'user', content: 'I am ann@example.com' });
  avatar.onMessage({ role: 'user', content: 'or ann.b@example.org, THANKS' });
  avatar.onConversationEnd({});
  avatar.onConversationStart({ id: 'conv_2' });
  avatar.onMessage({ role: 'user', content: 'bob@example.com' });
  const goals = (await sent())
    .filter((item) => item.type === 'event' && item.body.name === 'goal.completed')
    .map((item) => item.type === 'event' && [item.body.conversationId, item.body.properties?.goal]);
  expect(goals).toEqual([
    ['conv_1', 'email_captured'],
    ['conv_1', 'thanked'],
    ['conv_2', 'email_captured'],
  ]);
});

test('a message before any onConversationStart starts a conversation to hold it', async () => {
  const { avatar, sent } = setup();
  avatar.onMessage({ role: 'user', content: 'hello?' });
  const items = await sent();
  expect(summary(items)).toEqual(['conversation', 'event:avatar_conversation_started', 'message', 'event:avatar_message']);
  const conversationId = items[0].type === 'conversation' && items[0].body.id;
  expect(conversationId).toEqual(expect.any(String));
  expect(items[2].body).toMatchObject({ conversationId });
});
