/** The client IP reaches the audit log through the wrappers, for a dashboard action and for an API call. */
import { afterAll, expect, test, vi } from 'vitest';
import { closeDb, sql } from '@/db';
import { insertUser, upsertMembership } from '@/db/queries/accounts';
import { insertAuditEntry } from '@/db/queries/audit';
import { createTestApiKey, createTestWorkspace, uniqueEmail } from '@/test/factories';
import { apiRequest, noParams } from '@/test/api-request';
import { runWithRequestContext } from './request-context';

const request = vi.hoisted(() => ({ userId: null as string | null, forwardedFor: '' }));
vi.mock('next-auth', () => ({ getServerSession: async () => (request.userId ? { user: { id: request.userId } } : null) }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: () => {} }),
  headers: async () => new Headers(request.forwardedFor ? { 'x-forwarded-for': request.forwardedFor } : {}),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { createAvatarAction } = await import('@/app/(dashboard)/settings/avatars/actions');
const { POST: postAvatar } = await import('@/app/v1/avatars/route');

afterAll(closeDb);

const ipsOf = (workspaceId: string, action: string) =>
  sql<{ ip: string | null }[]>`SELECT host(ip) AS ip FROM audit_log WHERE workspace_id = ${workspaceId}::uuid AND action = ${action} ORDER BY id`;

test("a dashboard action's audit entry carries the client IP (the socket's, not a spoofed one)", async () => {
  const ws = await createTestWorkspace();
  const user = await insertUser({ email: uniqueEmail(), name: null, passwordHash: '' });
  await upsertMembership(ws.id, user.id, 'admin');
  request.userId = user.id;
  // What scripts/serve.ts hands Next when TRUST_PROXY is off: only the socket address.
  request.forwardedFor = '192.0.2.44';
  const form = new FormData();
  form.set('id', 'ip-avatar');
  form.set('name', 'IP avatar');
  expect(await createAvatarAction(form)).toMatchObject({ ok: true });
  expect(await ipsOf(ws.id, 'avatar.created')).toEqual([{ ip: '192.0.2.44' }]);
});

test("an API call's audit entry carries the client IP; TRUST_PROXY decides which X-Forwarded-For entry", async () => {
  const ws = await createTestWorkspace();
  const key = await createTestApiKey(ws.id);
  const headers = { 'x-forwarded-for': '198.51.100.7, 10.0.0.3' };
  expect((await postAvatar(apiRequest('/v1/avatars', { id: 'a1', name: 'A1' }, { key, headers }), noParams)).status).toBe(201);
  process.env.TRUST_PROXY = '1';
  try {
    expect((await postAvatar(apiRequest('/v1/avatars', { id: 'a2', name: 'A2' }, { key, headers }), noParams)).status).toBe(201);
  } finally {
    delete process.env.TRUST_PROXY;
  }
  expect(await ipsOf(ws.id, 'avatar.created')).toEqual([{ ip: '10.0.0.3' }, { ip: '198.51.100.7' }]);
});

test('an explicit ip wins, and outside a request the ip is null', async () => {
  const ws = await createTestWorkspace();
  await sql.begin(async (tx) => {
    await insertAuditEntry(tx, ws.id, { action: 'test.outside' });
    await runWithRequestContext({ ip: '203.0.113.5' }, () => insertAuditEntry(tx, ws.id, { action: 'test.explicit', ip: '2001:db8::9' }));
  });
  expect(await ipsOf(ws.id, 'test.outside')).toEqual([{ ip: null }]);
  expect(await ipsOf(ws.id, 'test.explicit')).toEqual([{ ip: '2001:db8::9' }]);
});
