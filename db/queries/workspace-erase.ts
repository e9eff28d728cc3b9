/**
 * Erasing a workspace: every row of every tenant table (a base table of this schema with a `workspace_id`
 * column, read from the catalog so that a table added later is covered), children before parents, then the
 * workspace row, in one transaction.
 */
import type { TransactionSql } from 'postgres';
import { sql } from '../index';

/** Tenant tables in an order where a table comes before every table it references. */
export async function listTenantTablesChildrenFirst(tx: TransactionSql | typeof sql = sql): Promise<string[]> {
  const tables = await tx<{ name: string }[]>`
    SELECT c.relname AS name
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`;
  const edges = await tx<{ child: string; parent: string }[]>`
    SELECT DISTINCT ch.relname AS child, pa.relname AS parent
    FROM pg_constraint k
    JOIN pg_class ch ON ch.oid = k.conrelid
    JOIN pg_class pa ON pa.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = ch.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema() AND ch.oid <> pa.oid`;
  const names = tables.map((t) => t.name);
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of edges) if (parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  // Reverse topological order: a table is emitted once no remaining table references it.
  const order: string[] = [];
  const remaining = new Set(names);
  while (remaining.size > 0) {
    const referenced = new Set([...remaining].flatMap((t) => [...parents.get(t)!]));
    const leaves = [...remaining].filter((t) => !referenced.has(t));
    // A reference cycle cannot be ordered; its tables go in name order (their keys cascade from workspaces).
    const next = leaves.length > 0 ? leaves : [...remaining];
    for (const table of next) {
      order.push(table);
      remaining.delete(table);
    }
  }
  return order;
}

export type WorkspaceErasure = { tables: number; rows: number };

/** Deletes the workspace and all of its rows; null when it does not exist. */
export async function eraseWorkspace(workspaceId: string): Promise<WorkspaceErasure | null> {
  return sql.begin(async (tx) => {
    // Writers take FOR KEY SHARE on the workspace through their foreign keys: they finish first, or wait and then fail.
    const [workspace] = await tx`SELECT id FROM workspaces WHERE id = ${workspaceId}::uuid FOR UPDATE`;
    if (!workspace) return null;
    const tables = await listTenantTablesChildrenFirst(tx);
    let rows = 0;
    // Triggers (rollup upkeep) may write to a table already emptied, so repeat until a pass deletes nothing.
    for (let pass = 0; pass < 5; pass++) {
      let deleted = 0;
      for (const table of tables) deleted += (await tx`DELETE FROM ${tx(table)} WHERE workspace_id = ${workspaceId}::uuid`).count;
      rows += deleted;
      if (deleted === 0) break;
    }
    await tx`DELETE FROM workspaces WHERE id = ${workspaceId}::uuid`;
    return { tables: tables.length, rows };
  });
}
