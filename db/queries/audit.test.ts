import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { createAvatar } from '@/lib/avatars/service';
import { createFunnel } from '@/lib/funnels/service';
import { createGoal, deleteGoal, updateGoal } from '@/lib/goals/service';
import { eraseConversation, eraseCustomer } from '@/lib/transcripts/erase';
import { seedConversation } from '@/lib/transcripts/test-data';
import { expectRefused, failInserts } from '@/test/failing-trigger';
import { createTestWorkspace } from '@/test/factories';
import { listAuditEntries } from './audit';

afterAll(closeDb);

const actor = { userId: null };
const trigger = { type: 'pattern' as const, pattern: 'thanks' };

/** Runs `change` while the workspace's audit inserts fail: the change must fail and leave nothing. */
async function withAuditFailing(workspaceId: string, change: () => Promise<unknown>) {
  const restore = await failInserts('audit_log', `NEW.workspace_id = '${workspaceId}'::uuid`);
  try {
    await expectRefused(change());
  } finally {
    await restore();
  }
}

test('a change whose audit entry cannot be written is rolled back with it', async () => {
  const { id: ws } = await createTestWorkspace();
  const kept = await createGoal(ws, { name: 'Kept', trigger }, actor);
  await seedConversation(ws, { id: 'c1', customerId: 'ann', startedAt: '2024-05-01T10:00:00Z', messages: [['user', 'hi', 1]] });
  const audited = (await listAuditEntries(ws)).length;

  await withAuditFailing(ws, () => createGoal(ws, { name: 'Never', trigger }, actor));
  await withAuditFailing(ws, () => updateGoal(ws, kept.id, { name: 'Renamed' }, actor));
  await withAuditFailing(ws, () => deleteGoal(ws, kept.id, actor));
  await withAuditFailing(ws, () => eraseConversation(ws, 'c1', actor));
  await withAuditFailing(ws, () => eraseCustomer(ws, 'ann', actor));
  await withAuditFailing(ws, () => createAvatar(ws, { id: 'never', name: 'Never' }, actor));
  await withAuditFailing(ws, () => createFunnel(ws, { name: 'Never', steps: [{ type: 'event', name: 'a' }, { type: 'event', name: 'b' }] }, actor));

  const goals = await sql<{ name: string }[]>`SELECT name FROM goals WHERE workspace_id = ${ws}::uuid`;
  expect(goals.map((g) => g.name)).toEqual(['Kept']);
  expect(await sql`SELECT 1 FROM conversations WHERE workspace_id = ${ws}::uuid AND id = 'c1'`).toHaveLength(1);
  expect(await sql`SELECT 1 FROM avatars WHERE workspace_id = ${ws}::uuid AND id = 'never'`).toHaveLength(0);
  expect(await sql`SELECT 1 FROM funnels WHERE workspace_id = ${ws}::uuid`).toHaveLength(0);
  expect(await listAuditEntries(ws)).toHaveLength(audited);

  // With the audit log writable again, the same changes go through, each with its entry.
  expect(await deleteGoal(ws, kept.id, actor)).toBe(true);
  expect(await eraseConversation(ws, 'c1', actor)).toBe(true);
  expect((await listAuditEntries(ws)).map((e) => e.action).slice(0, 2).sort()).toEqual(['conversation.erased', 'goal.deleted']);
});
