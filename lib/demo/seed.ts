/** The demo workspace that `npm start` creates on first run and `npm run cli -- seed-demo` refreshes. */
import { sql } from '@/db';
import { ensureUserInWorkspace } from '@/lib/auth/accounts';
import { runPendingBackfills } from '@/lib/goals/backfill';
import { listGoals, createGoal } from '@/lib/goals/service';
import { closeIdleConversations } from '@/lib/ingest/close-idle';
import { GOAL_TEMPLATES } from '@/lib/goals/triggers';
import { ingestBatch } from '@/lib/ingest/batch';
import { DEMO_AVATARS } from './content';
import { demoConversation, seededRandom, type DemoBatchItem } from './generate';

export const DEMO_USER = { email: 'demo@example.com', password: 'confab-demo-1' } as const;
export const DEMO_WORKSPACE = { slug: 'demo', name: 'Demo Workspace' } as const;
export const DEMO_DEFAULTS = { conversations: 2500, days: 90 } as const;

export type SeedDemoOptions = { conversations?: number; days?: number; now?: Date; log?: (line: string) => void };

const BATCH_ITEMS = 1000;

/**
 * Creates the demo user and workspace if missing, and fills an empty demo workspace with conversations
 * through the ingestion code. Idempotent: a workspace that already has conversations is left alone unless
 * `conversations` is given, which adds that many more.
 */
export async function seedDemo(options: SeedDemoOptions = {}) {
  const { user, workspace, created } = await ensureUserInWorkspace({
    email: DEMO_USER.email,
    password: DEMO_USER.password,
    slug: DEMO_WORKSPACE.slug,
    workspaceName: DEMO_WORKSPACE.name,
    role: 'owner',
  });
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from conversations where workspace_id = ${workspace.id}`;
  const wanted = options.conversations ?? (n === 0 ? DEMO_DEFAULTS.conversations : 0);
  if (n === 0) await addTemplateGoals(workspace.id);
  if (wanted > 0) {
    const now = options.now ?? new Date();
    // The first fill uses fixed ids (a re-run is a no-op); top-ups get ids of their own.
    const tag = n === 0 ? 'seed' : now.getTime().toString(36);
    await fillDemoWorkspace(workspace.id, { conversations: wanted, days: options.days ?? DEMO_DEFAULTS.days, now, tag, log: options.log });
    // Ingest names an unknown avatar after its id; the demo's avatars get their display names.
    for (const avatar of DEMO_AVATARS) {
      await sql`update avatars set name = ${avatar.name} where workspace_id = ${workspace.id} and id = ${avatar.id} and name = id`;
    }
    // The idle close the worker would run a minute after the first start: the dashboard's first figures
    // (durations, the "Escalation avoided" goal) then do not shift under a newcomer's eyes.
    await closeIdleConversations(now, { workspaceIds: [workspace.id] });
  }
  return { userId: user.id, workspaceId: workspace.id, created, conversationsAdded: wanted };
}

/**
 * The three template goals, so the demo shows completions; ingestion then evaluates them live. Their
 * back-fills run here, over the still empty workspace, so they finish at once: left to the worker, they
 * would re-evaluate every demo conversation during the newcomer's first minutes, in transactions that
 * hold the embedded database's one session while the dashboard waits.
 */
async function addTemplateGoals(workspaceId: string) {
  const existing = new Set((await listGoals(workspaceId)).map((g) => g.name));
  for (const t of GOAL_TEMPLATES) {
    if (!existing.has(t.name)) await createGoal(workspaceId, { name: t.name, trigger: t.trigger }, {});
  }
  await runPendingBackfills({ workspaceIds: [workspaceId] });
}

/** Sends `conversations` demo conversations into a workspace through ingestion (also used by tests that need a full workspace). */
export async function fillDemoWorkspace(
  workspaceId: string,
  o: { conversations: number; days: number; now: Date; tag: string; log?: (line: string) => void },
) {
  const rand = seededRandom(o.tag === 'seed' ? 20261121 : o.now.getTime());
  const customers = Math.max(10, Math.round(o.conversations * 0.4));
  let pending: DemoBatchItem[] = [];
  let sent = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const { results } = await ingestBatch(workspaceId, { batch: pending }, { receivedAt: o.now });
    const failed = results.filter((r) => r.status >= 400);
    if (failed.length) throw new Error(`Demo batch rejected ${failed.length} item(s): ${JSON.stringify(failed[0])}`);
    sent += pending.length;
    pending = [];
  };
  for (let i = 0; i < o.conversations; i++) {
    const items = demoConversation(rand, `demo_${o.tag}_${String(i).padStart(5, '0')}`, o.now, o.days, customers);
    if (pending.length + items.length > BATCH_ITEMS) await flush();
    pending.push(...items);
    if ((i + 1) % 500 === 0) o.log?.(`  ${i + 1}/${o.conversations} demo conversations`);
  }
  await flush();
  o.log?.(`  ${o.conversations} demo conversations (${sent} items) ingested`);
}
