import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { apiRequest, noParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { POST } from './route';

// Read when this test file makes its first request: 3 a second plus a burst of 6.
const savedLimit = process.env.API_RATE_LIMIT_PER_SECOND;
process.env.API_RATE_LIMIT_PER_SECOND = '3';

afterAll(async () => {
  if (savedLimit === undefined) delete process.env.API_RATE_LIMIT_PER_SECOND;
  else process.env.API_RATE_LIMIT_PER_SECOND = savedLimit;
  await closeDb();
});

test('answers 429 with Retry-After per API key, leaving other keys alone', async () => {
  const ws = await createTestWorkspace();
  const [busy, quiet] = [await createTestApiKey(ws.id, ['ingest']), await createTestApiKey(ws.id, ['ingest'])];
  const send = (key: string) => POST(apiRequest('/v1/events', { name: 'ping' }, { key }), noParams);
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await send(busy)).status);
  expect(statuses.filter((s) => s === 201)).toHaveLength(9);
  const limited = await send(busy);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect((await limited.json()).error.code).toBe('rate_limited');
  expect((await send(quiet)).status).toBe(201);
});
