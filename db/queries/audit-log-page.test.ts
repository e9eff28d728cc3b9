import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { insertUser } from '@/db/queries/accounts';
import { createApiKey } from '@/lib/auth/api-keys';
import { createTestWorkspace, uniqueEmail } from '@/test/factories';
import { insertAuditEntry } from './audit';
import { listAuditLogPage, type AuditCursor, type AuditLogFilters } from './audit-log-page';

afterAll(closeDb);

const none: AuditLogFilters = { actor: null, action: null, from: null, to: null };

async function allPages(workspaceId: string, filters: AuditLogFilters, timezone = 'UTC') {
  const ids: number[] = [];
  let cursor: AuditCursor | null = null;
  do {
    const page: Awaited<ReturnType<typeof listAuditLogPage>> = await listAuditLogPage(workspaceId, filters, { timezone, cursor, limit: 3 });
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.next;
  } while (cursor);
  return ids;
}

test('keyset pages visit every entry once, newest first, even when entries share a microsecond', async () => {
  const ws = await createTestWorkspace();
  const other = await createTestWorkspace();
  const user = await insertUser({ email: uniqueEmail(), name: null, passwordHash: '' });
  const { id: keyId } = await createApiKey(ws.id, { name: 'ci', scopes: ['admin'] });
  await sql.begin(async (tx) => {
    // One transaction: now() is the same for all of these.
    for (let i = 0; i < 5; i++) await insertAuditEntry(tx, ws.id, { action: 'goal.created', actorUserId: user.id, targetType: 'goal', targetId: `g${i}` });
    for (let i = 0; i < 2; i++) await insertAuditEntry(tx, ws.id, { action: 'avatar.created', actorApiKeyId: keyId, ip: '198.51.100.1' });
    await insertAuditEntry(tx, other.id, { action: 'goal.created', actorUserId: user.id });
  });
  await sql`UPDATE audit_log SET created_at = '2026-03-10T23:30:00Z' WHERE workspace_id = ${ws.id}::uuid AND target_id = 'g0'`;
  const expected = (await sql<{ id: number }[]>`SELECT id::int AS id FROM audit_log WHERE workspace_id = ${ws.id}::uuid ORDER BY created_at DESC, id DESC`).map((r) => r.id);
  expect(expected).toHaveLength(7);
  expect(await allPages(ws.id, none)).toEqual(expected);

  expect(await allPages(ws.id, { ...none, action: 'avatar.created' })).toHaveLength(2);
  expect(await allPages(ws.id, { ...none, actor: { type: 'user', id: user.id } })).toHaveLength(5);
  expect(await allPages(ws.id, { ...none, actor: { type: 'key', id: keyId } })).toHaveLength(2);
  // 23:30 UTC on 10 March is 11 March in Berlin.
  expect(await allPages(ws.id, { ...none, from: '2026-03-10', to: '2026-03-10' })).toHaveLength(1);
  expect(await allPages(ws.id, { ...none, from: '2026-03-10', to: '2026-03-10' }, 'Europe/Berlin')).toHaveLength(0);
  expect(await allPages(ws.id, { ...none, from: '2026-03-11', to: '2026-03-11' }, 'Europe/Berlin')).toHaveLength(1);

  const [first] = (await listAuditLogPage(ws.id, { ...none, action: 'avatar.created' }, { timezone: 'UTC', cursor: null, limit: 1 })).rows;
  expect(first).toMatchObject({ keyName: 'ci', ip: '198.51.100.1', actorApiKeyId: keyId });
});
