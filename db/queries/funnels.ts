/** Funnels: their rows and the builder's name suggestions (the counts: funnel-counts.ts). */
import { and, asc, eq } from 'drizzle-orm';
import { db, sql, type DbExecutor } from '../index';
import { funnels } from '../schema';

export type FunnelRow = typeof funnels.$inferSelect;
type FunnelFields = { name: string; avatarId: string | null; steps: unknown[] };

export async function listFunnelRows(workspaceId: string): Promise<FunnelRow[]> {
  return db.select().from(funnels).where(eq(funnels.workspaceId, workspaceId)).orderBy(asc(funnels.createdAt), asc(funnels.id));
}

export async function findFunnelRow(workspaceId: string, id: string): Promise<FunnelRow | null> {
  const [row] = await db.select().from(funnels).where(and(eq(funnels.workspaceId, workspaceId), eq(funnels.id, id))).limit(1);
  return row ?? null;
}

export async function insertFunnelRow(tx: DbExecutor, workspaceId: string, funnel: FunnelFields & { id: string }): Promise<FunnelRow> {
  const [row] = await tx
    .insert(funnels)
    .values({ workspaceId, id: funnel.id, name: funnel.name, avatarId: funnel.avatarId, steps: funnel.steps as Record<string, unknown>[] })
    .returning();
  return row;
}

export async function updateFunnelRow(tx: DbExecutor, workspaceId: string, id: string, funnel: FunnelFields): Promise<FunnelRow | null> {
  const [row] = await tx
    .update(funnels)
    .set({ name: funnel.name, avatarId: funnel.avatarId, steps: funnel.steps as Record<string, unknown>[], updatedAt: new Date() })
    .where(and(eq(funnels.workspaceId, workspaceId), eq(funnels.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteFunnelRow(tx: DbExecutor, workspaceId: string, id: string): Promise<{ name: string } | null> {
  const [row] = await tx
    .delete(funnels)
    .where(and(eq(funnels.workspaceId, workspaceId), eq(funnels.id, id)))
    .returning({ name: funnels.name });
  return row ?? null;
}

/**
 * Up to 100 distinct tool and event names of the workspace, for the builder's suggestions: a loose index
 * scan of each name index (one probe per name), so it stays cheap however many rows there are.
 */
export async function listStepNames(workspaceId: string): Promise<{ tools: string[]; events: string[] }> {
  const distinct = (table: 'actions' | 'events') => sql<{ name: string }[]>`
    WITH RECURSIVE n AS (
      (SELECT name FROM ${sql(table)} WHERE workspace_id = ${workspaceId}::uuid ORDER BY name LIMIT 1)
      UNION ALL
      SELECT (SELECT x.name FROM ${sql(table)} x WHERE x.workspace_id = ${workspaceId}::uuid AND x.name > n.name ORDER BY x.name LIMIT 1) FROM n WHERE n.name IS NOT NULL
    )
    SELECT name FROM n WHERE name IS NOT NULL LIMIT 100`;
  const [tools, events] = await Promise.all([distinct('actions'), distinct('events')]);
  return { tools: tools.map((r) => r.name), events: events.map((r) => r.name) };
}
