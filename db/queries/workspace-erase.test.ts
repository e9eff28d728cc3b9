/** Deleting a workspace leaves no row of it in any tenant table (found through the catalog) and touches no other workspace. */
import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { insertUser, upsertMembership } from '@/db/queries/accounts';
import { insertAuditEntry } from '@/db/queries/audit';
import { insertDevMail } from '@/db/queries/dev-mail';
import { claimDigestSend, upsertDigestPreference } from '@/db/queries/digest';
import { fillDemoWorkspace } from '@/lib/demo/seed';
import { ingestBatch } from '@/lib/ingest';
import { createFunnel } from '@/lib/funnels/service';
import { createGoal } from '@/lib/goals/service';
import { createWebhook, sendTestEvent } from '@/lib/webhooks/service';
import { createTestApiKey, createTestWorkspace, uniqueEmail } from '@/test/factories';
import { eraseWorkspace, listTenantTablesChildrenFirst } from './workspace-erase';

afterAll(closeDb);

/** Rows per tenant table for one workspace, every table the catalog knows. */
async function rowsByTable(workspaceId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTenantTablesChildrenFirst()) {
    const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM ${sql(table)} WHERE workspace_id = ${workspaceId}::uuid`;
    counts[table] = n;
  }
  return counts;
}

async function fill(workspaceId: string) {
  // Subscribed first, so the demo's goal completions and ends go to the event stream (outbox_events).
  const hook = await createWebhook(workspaceId, { url: 'https://example.com/hook', events: ['conversation.ended', 'goal.completed'] }, {});
  await createGoal(workspaceId, { name: 'Says a', trigger: { type: 'pattern', pattern: 'a' } }, {});
  await fillDemoWorkspace(workspaceId, { conversations: 25, days: 5, now: new Date(), tag: `erase${workspaceId.slice(0, 8)}` });
  const user = await insertUser({ email: uniqueEmail(), name: null, passwordHash: '' });
  await upsertMembership(workspaceId, user.id, 'owner');
  await upsertDigestPreference(workspaceId, user.id, false);
  await claimDigestSend(workspaceId, user.id, '2025-01-06');
  await createTestApiKey(workspaceId);
  await createFunnel(workspaceId, { name: 'F', steps: [{ type: 'event', name: 'a' }, { type: 'event', name: 'b' }] }, { userId: user.id });
  const sent = await sendTestEvent(workspaceId, hook.id, {});
  await sql`INSERT INTO webhook_attempts (workspace_id, delivery_id, webhook_id, attempt, status_code, duration_ms) VALUES (${workspaceId}::uuid, ${sent!.deliveryId}, ${hook.id}, 1, 200, 12) ON CONFLICT DO NOTHING`;
  // The demo's escalations are random: one escalated conversation of its own fills the escalation rollups every run.
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const { results } = await ingestBatch(workspaceId, {
    batch: [
      { id: 'esc-start', type: 'conversation', timestamp: at, body: { id: 'esc', avatarId: 'avatar-esc', customerId: 'u-esc' } },
      { id: 'esc-m1', type: 'message', body: { conversationId: 'esc', id: 'm1', role: 'user', content: 'I need a person', createdAt: at } },
      { id: 'esc-a1', type: 'action', body: { conversationId: 'esc', name: 'fallback_to_human', startedAt: at } },
    ],
  });
  expect(results.filter((r) => r.status >= 300)).toEqual([]);
  await sql`INSERT INTO billing_usage (workspace_id, period_start, period_end, conversations, conversation_limit) VALUES (${workspaceId}::uuid, date_trunc('month', now()), date_trunc('month', now()) + interval '1 month', 26, 1000)`;
  await insertDevMail(workspaceId, { to: 'a@example.com', subject: 'Hi', text: 'Hi', html: '<p>Hi</p>' });
  await sql`INSERT INTO invitations (workspace_id, email, role, token_hash, expires_at) VALUES (${workspaceId}::uuid, 'x@example.com', 'member', 'h', now() + interval '7 days')`;
  await sql`INSERT INTO alert_rules (workspace_id, id, name, metric, time_window, op, threshold) VALUES (${workspaceId}::uuid, 'r1', 'R', 'conversations', '24h', 'above', 1)`;
  await sql`INSERT INTO alert_events (workspace_id, id, rule_id, status, threshold, at) VALUES (${workspaceId}::uuid, 'e1', 'r1', 'fired', 1, now())`;
  await sql.begin((tx) => insertAuditEntry(tx, workspaceId, { action: 'test.filled' }));
}

test('deleting a workspace erases its rows from every tenant table and leaves another workspace alone', async () => {
  const doomed = await createTestWorkspace();
  const kept = await createTestWorkspace();
  await fill(doomed.id);
  await fill(kept.id);

  const before = await rowsByTable(doomed.id);
  const keptBefore = await rowsByTable(kept.id);
  const tables = Object.keys(before);
  expect(tables.length).toBeGreaterThan(25);
  // The fixture reaches every tenant table but the two a commit empties (analytics_pending, escalation_pending);
  // the catalog check below covers all of them either way.
  const filled = tables.filter((t) => before[t] > 0);
  expect(filled.length, `empty before: ${tables.filter((t) => before[t] === 0).join(', ')}`).toBeGreaterThanOrEqual(tables.length - 2);

  const erased = await eraseWorkspace(doomed.id);
  expect(erased).toMatchObject({ tables: tables.length });
  expect(erased!.rows).toBeGreaterThan(0);

  const after = await rowsByTable(doomed.id);
  expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
  expect(await sql`SELECT 1 FROM workspaces WHERE id = ${doomed.id}::uuid`).toHaveLength(0);
  expect(await rowsByTable(kept.id)).toEqual(keptBefore);
  expect(await eraseWorkspace(doomed.id)).toBeNull();
}, 120_000);

test('a workspace deleted by its row alone (the foreign keys cascade) leaves nothing, the rollups’ triggers included', async () => {
  const doomed = await createTestWorkspace();
  await fill(doomed.id);
  expect((await rowsByTable(doomed.id)).rollup_dimensions_all).toBeGreaterThan(0);
  await sql`DELETE FROM workspaces WHERE id = ${doomed.id}::uuid`;
  expect(Object.entries(await rowsByTable(doomed.id)).filter(([, n]) => n > 0)).toEqual([]);
}, 120_000);

test('tables are ordered children first: no table is deleted after a table it references', async () => {
  const order = await listTenantTablesChildrenFirst();
  const edges = await sql<{ child: string; parent: string }[]>`
    SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
    JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
    WHERE k.contype = 'f' AND ch.oid <> pa.oid`;
  for (const { child, parent } of edges) {
    if (order.includes(child) && order.includes(parent)) expect(order.indexOf(child), `${child} → ${parent}`).toBeLessThan(order.indexOf(parent));
  }
});
