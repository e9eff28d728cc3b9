import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { escalationsResponseSchema } from '@/lib/openapi/analytics-responses';
import { escalationEndpointExample } from '@/lib/openapi/endpoints/analytics';
import { seedConversation } from '@/lib/transcripts/test-data';
import { apiGet } from '@/test/api-get';
import { noParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { GET } from './route';

afterAll(closeDb);

let key: string;
const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const ws = (await createTestWorkspace()).id;
  key = await createTestApiKey(ws, ['read']);
  for (const id of ['a', 'b']) {
    await seedConversation(ws, { id, avatarId: 'bot', startedAt: `${day}T10:00:00Z`, messages: [['user', 'cancel my subscription', 1]], tools: [{ name: 'open_ticket', at: 2 }] });
  }
  const other = (await createTestWorkspace()).id;
  await seedConversation(other, { id: 'x', avatarId: 'bot', startedAt: `${day}T10:00:00Z`, messages: [['user', 'hi', 1]], endAfter: 5, escalated: true });
});

test('answers the documented shape (no undocumented fields), for the key’s workspace only', async () => {
  const res = await GET(apiGet(`/v1/analytics/escalations?start=${day}&end=${day}&limit=1`, key), noParams);
  expect(res.status).toBe(200);
  const body = escalationsResponseSchema.strict().parse(await res.json());
  expect(body.total).toBe(2);
  expect(body.byReason).toEqual([{ reason: 'open_ticket', conversations: 2, share: 1 }]);
  expect(body.lastMessages).toHaveLength(1);
  expect(body.phrases[0]).toMatchObject({ phrase: 'cancel subscription', conversations: 2 });
});

test('the documented example has the documented shape', () => {
  expect(escalationsResponseSchema.strict().safeParse(escalationEndpointExample).success).toBe(true);
});

test('bad parameters answer 422, a key without read scope 403', async () => {
  expect((await GET(apiGet('/v1/analytics/escalations?limit=0', key), noParams)).status).toBe(422);
  expect((await GET(apiGet('/v1/analytics/escalations?groupBy=year', key), noParams)).status).toBe(422);
  const ingestOnly = await createTestApiKey((await createTestWorkspace()).id, ['ingest']);
  expect((await GET(apiGet('/v1/analytics/escalations', ingestOnly), noParams)).status).toBe(403);
});
