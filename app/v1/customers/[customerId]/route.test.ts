import { NextRequest } from 'next/server';
import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { seedConversation } from '@/lib/transcripts/test-data';
import { routeParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { ingestRowCounts } from '@/test/ingest-db';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { DELETE } from './route';

afterAll(closeDb);

const del = (customerId: string, key: string) =>
  DELETE(new NextRequest(`http://test/v1/customers/${customerId}`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } }), routeParams({ customerId }));

test('DELETE /v1/customers/{id} erases the customer’s conversations in this workspace only', async () => {
  const ws = (await createTestWorkspace()).id;
  const other = (await createTestWorkspace()).id;
  for (const w of [ws, other]) {
    await seedConversation(w, { id: 'a', customerId: 'cust', startedAt: '2024-01-01T10:00:00Z', messages: [['user', 'hi', 1]] });
    await seedConversation(w, { id: 'b', customerId: 'cust', startedAt: '2024-01-02T10:00:00Z', messages: [['user', 'hey', 1]] });
    await seedConversation(w, { id: 'c', customerId: 'someone-else', startedAt: '2024-01-02T10:00:00Z' });
  }
  expect((await del('cust', await createTestApiKey(ws, ['read']))).status).toBe(403);
  const res = await del('cust', await createTestApiKey(ws, ['admin']));
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ deleted: 2 });
  expect((await ingestRowCounts(ws)).conversations).toBe(1);
  expect((await ingestRowCounts(other)).conversations).toBe(3);
  await expectRollupsConsistent(ws);
  expect(await (await del('cust', await createTestApiKey(ws, ['admin']))).json()).toEqual({ deleted: 0 });
});
