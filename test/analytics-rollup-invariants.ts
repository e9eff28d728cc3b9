/**
 * The invariant of the trigger-kept analytics rollups: whatever ingestion did, incrementally, each of them
 * must equal what analytics_rebuild computes from scratch (run here in a transaction that is rolled back).
 */
import { expect } from 'vitest';
import { sql } from '@/db';

const TABLES = {
  rollup_daily: ['day', 'avatar_id'],
  rollup_dimensions_daily: ['dimension', 'day', 'avatar_id', 'value'],
  rollup_tools_daily: ['day', 'avatar_id', 'tool_name'],
  rollup_sources: ['bucket', 'avatar_id', 'source'],
  rollup_sources_daily: ['day', 'avatar_id', 'source'],
  rollup_sources_all: ['bucket', 'source'],
  rollup_dimensions_all: ['dimension', 'bucket', 'value'],
  rollup_customer_returns: ['avatar_id', 'day', 'gap_days'],
  rollup_customer_hours: ['avatar_id', 'hour', 'gap_hours'],
  rollup_customer_hour_gaps: ['avatar_id', 'hour', 'prev_days'],
  rollup_customer_hour_links: ['avatar_id', 'prev_day', 'hour', 'prev_hour'],
  rollup_customer_day_links: ['avatar_id', 'prev_day', 'day', 'prev_hour'],
  rollup_escalations: ['bucket', 'avatar_id', 'reason'],
  rollup_escalations_daily: ['day', 'avatar_id', 'reason'],
  // No values: every row is its key (kept apart from the zero-valued rows skipped below).
  escalation_reasons: ['conversation_id', 'avatar_id', 'bucket', 'reason'],
} as const;

type Rows = Map<string, Record<string, number>>;

async function snapshot(query: typeof sql, workspaceId: string): Promise<Record<string, Rows>> {
  const out: Record<string, Rows> = {};
  for (const [table, keys] of Object.entries(TABLES)) {
    const rows = await query.unsafe<Record<string, unknown>[]>(`SELECT * FROM ${table} WHERE workspace_id = $1`, [workspaceId]);
    const map: Rows = new Map();
    for (const row of rows) {
      const values = Object.fromEntries(
        Object.entries(row).filter(([k]) => k !== 'workspace_id' && !(keys as readonly string[]).includes(k)).map(([k, v]) => [k, Number(v)]),
      );
      if (Object.keys(values).length > 0 && Object.values(values).every((v) => Math.abs(v) < 1e-9)) continue;
      const key = keys.map((k) => (row[k] instanceof Date ? (row[k] as Date).toISOString() : String(row[k]))).join('|');
      map.set(key, values);
    }
    out[table] = map;
  }
  return out;
}

class Rollback extends Error {}

export async function expectAnalyticsRollupsConsistent(workspaceId: string): Promise<void> {
  const incremental = await snapshot(sql, workspaceId);
  let rebuilt: Record<string, Rows> = {};
  await sql
    .begin(async (tx) => {
      await tx`SELECT analytics_rebuild(${workspaceId}::uuid)`;
      rebuilt = await snapshot(tx as unknown as typeof sql, workspaceId);
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  for (const table of Object.keys(TABLES)) {
    const [got, want] = [incremental[table], rebuilt[table]];
    expect([...got.keys()].sort(), `${table} keys`).toEqual([...want.keys()].sort());
    for (const [key, values] of want) {
      for (const [column, value] of Object.entries(values)) expect(got.get(key)![column], `${table} ${key} ${column}`).toBeCloseTo(value, 6);
    }
  }
}
