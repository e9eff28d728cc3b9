import { afterAll, describe, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { findActiveApiKeyByHash, revokeApiKey } from '@/db/queries/api-keys';
import { hashApiKey } from '@/lib/auth/api-keys';
import { apiRequest, noParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { ingestRowCounts } from '@/test/ingest-db';
import { POST } from './route';

afterAll(closeDb);

const send = (body: unknown, options: Parameters<typeof apiRequest>[2]) => POST(apiRequest('/v1/conversations', body, options), noParams);

async function setup() {
  const ws = await createTestWorkspace();
  const key = await createTestApiKey(ws.id, ['ingest']);
  return { ws, key };
}

test('creates with 201, answers a repeat with 200 and the same conversation', async () => {
  const { key } = await setup();
  const body = { id: 'conv-1', avatarId: 'bot', customerId: 'u1', device: 'desktop', metadata: { plan: 'pro' }, ignored: true };
  const created = await send(body, { key });
  expect(created.status).toBe(201);
  const json = await created.json();
  expect(json).toMatchObject({ id: 'conv-1', avatarId: 'bot', status: 'active', interacted: true, device: 'desktop', metadata: { plan: 'pro' } });
  expect(typeof json.startedAt).toBe('string');
  const again = await send(body, { key });
  expect(again.status).toBe(200);
  expect((await again.json()).startedAt).toBe(json.startedAt);
});

describe('rejected requests write nothing', () => {
  test('401 without a key, with an unknown key and with a revoked key', async () => {
    const { ws, key } = await setup();
    const body = { id: 'c', avatarId: 'a' };
    const noKey = await send(body, {});
    expect(noKey.status).toBe(401);
    expect((await noKey.json()).error.code).toBe('unauthorized');
    expect((await send(body, { key: 'cfk_not_a_real_key_000000000000000' })).status).toBe(401);
    const row = await findActiveApiKeyByHash(hashApiKey(key));
    await revokeApiKey(ws.id, row!.id);
    expect((await send(body, { key })).status).toBe(401);
    expect(await ingestRowCounts(ws.id)).toMatchObject({ conversations: 0, avatars: 0 });
  });

  test('403 for a key without the ingest scope', async () => {
    const ws = await createTestWorkspace();
    const readKey = await createTestApiKey(ws.id, ['read']);
    const response = await send({ id: 'c', avatarId: 'a' }, { key: readKey });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
    expect((await ingestRowCounts(ws.id)).conversations).toBe(0);
  });

  test('400 for malformed JSON, an empty body and invalid UTF-8', async () => {
    const { ws, key } = await setup();
    for (const raw of ['{"id": "c", ', '', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]) {
      const response = await send(null, { key, raw });
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe('bad_request');
    }
    expect((await ingestRowCounts(ws.id)).conversations).toBe(0);
  });

  test('413 when the declared or the actual size is over 1 MB', async () => {
    const { ws, key } = await setup();
    const declared = await send({ id: 'c', avatarId: 'a' }, { key, headers: { 'content-length': String(2 * 1024 * 1024) } });
    expect(declared.status).toBe(413);
    const big = JSON.stringify({ id: 'c', avatarId: 'a', metadata: { pad: 'x'.repeat(1024 * 1024) } });
    const actual = await send(null, { key, raw: big });
    expect(actual.status).toBe(413);
    expect((await actual.json()).error.code).toBe('payload_too_large');
    expect((await ingestRowCounts(ws.id)).conversations).toBe(0);
  });

  test('422 with the paths of every invalid field', async () => {
    const { ws, key } = await setup();
    const response = await send(
      { id: '', avatarId: 'a', device: 'phone', startedAt: '2024-05-01 10:00', customerIpAddress: '999.1.1.1', metadata: 'x' },
      { key },
    );
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe('validation_error');
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(['customerIpAddress', 'device', 'id', 'metadata', 'startedAt']);
    expect(await ingestRowCounts(ws.id)).toMatchObject({ conversations: 0, avatars: 0, rollup_hourly: 0 });
  });

  test('422 for a body that is not an object', async () => {
    const { key } = await setup();
    for (const body of [[1, 2], 'text', 42, null]) expect((await send(body, { key })).status).toBe(422);
  });
});
