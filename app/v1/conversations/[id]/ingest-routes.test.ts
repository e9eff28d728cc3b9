import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { apiRequest, noParams, routeParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { conversationRow, ingestRowCounts } from '@/test/ingest-db';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { POST as initialize } from '../initialize/route';
import { POST as events } from '../../events/route';
import { POST as actions } from './actions/route';
import { POST as end } from './end/route';
import { POST as messages } from './messages/route';

afterAll(closeDb);

async function setup() {
  const ws = await createTestWorkspace();
  return { ws, key: await createTestApiKey(ws.id, ['ingest']) };
}

const forConversation = (id: string) => routeParams({ id });

test('initialize, messages, actions and end through the API', async () => {
  const { ws, key } = await setup();
  const init = await initialize(apiRequest('/v1/conversations/initialize', { id: 'c1', avatarId: 'bot' }, { key }), noParams);
  expect(init.status).toBe(201);
  expect(await init.json()).toMatchObject({ id: 'c1', interacted: false });

  const one = await messages(
    apiRequest('/v1/conversations/c1/messages', { id: 'm1', role: 'user', content: 'I love it!', createdAt: '2024-05-01T10:00:00Z' }, { key }),
    forConversation('c1'),
  );
  expect(one.status).toBe(201);
  expect(await one.json()).toEqual({
    id: 'm1', conversationId: 'c1', role: 'user', createdAt: '2024-05-01T10:00:00.000Z', responseTimeMs: null,
    sentiment: { score: 0.6696, label: 'positive' },
  });
  const replay = await messages(apiRequest('/v1/conversations/c1/messages', { id: 'm1', role: 'user', content: 'x' }, { key }), forConversation('c1'));
  expect(replay.status).toBe(200);

  const list = await messages(
    apiRequest('/v1/conversations/c1/messages', {
      messages: [
        { id: 'm1', role: 'user', content: 'I love it!' },
        { id: 'm2', role: 'assistant', content: 'Thanks', createdAt: '2024-05-01T10:00:02Z' },
      ],
    }, { key }),
    forConversation('c1'),
  );
  expect(list.status).toBe(201);
  const listed = await list.json();
  expect(listed.messages.map((m: { id: string; responseTimeMs: number | null }) => [m.id, m.responseTimeMs])).toEqual([['m1', null], ['m2', 2000]]);

  const action = await actions(apiRequest('/v1/conversations/c1/actions', { id: 'a1', name: 'open_ticket', durationMs: 40 }, { key }), forConversation('c1'));
  expect(action.status).toBe(201);
  expect(await action.json()).toMatchObject({ id: 'a1', conversationId: 'c1', name: 'open_ticket', isEscalation: true, durationMs: 40 });

  const ended = await end(apiRequest('/v1/conversations/c1/end', { feedback: 'negative' }, { key }), forConversation('c1'));
  expect(ended.status).toBe(200);
  expect(await ended.json()).toMatchObject({ id: 'c1', status: 'ended', interacted: true, escalated: true, feedback: 'negative', messageCount: 2 });
  await expectRollupsConsistent(ws.id);
});

test('events through the API', async () => {
  const { key } = await setup();
  const body = { id: 'e1', name: 'avatar_message', properties: { length: 12 }, timestamp: '2024-05-01T10:00:00Z' };
  const first = await events(apiRequest('/v1/events', body, { key }), noParams);
  expect(first.status).toBe(201);
  expect(await first.json()).toMatchObject({ id: 'e1', name: 'avatar_message', timestamp: '2024-05-01T10:00:00.000Z' });
  expect((await events(apiRequest('/v1/events', body, { key }), noParams)).status).toBe(200);
});

test('invalid messages are rejected whole, with paths, writing nothing', async () => {
  const { ws, key } = await setup();
  const response = await messages(
    apiRequest('/v1/conversations/c1/messages', {
      messages: [
        { role: 'user', content: 'fine' },
        { role: 'robot', content: 'x'.repeat(40_000), tokens: { prompt: -1 }, createdAt: 'soon' },
      ],
    }, { key }),
    forConversation('c1'),
  );
  expect(response.status).toBe(422);
  const paths = (await response.json()).error.details.map((d: { path: string }) => d.path).sort();
  expect(paths).toEqual(['messages.1.content', 'messages.1.createdAt', 'messages.1.role', 'messages.1.tokens.prompt']);
  const tooLongId = await actions(apiRequest('/v1/conversations/x/actions', { name: 'x' }, { key }), forConversation('x'.repeat(201)));
  expect(tooLongId.status).toBe(422);
  expect((await tooLongId.json()).error.details[0].path).toBe('id');
  const badEnd = await end(apiRequest('/v1/conversations/c1/end', { endedAt: 12 }, { key }), forConversation('c1'));
  expect(badEnd.status).toBe(422);
  expect(await ingestRowCounts(ws.id)).toMatchObject({ conversations: 0, messages: 0, actions: 0, avatars: 0 });
  expect(await conversationRow(ws.id, 'c1')).toBeNull();
});
