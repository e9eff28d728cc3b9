/**
 * Applies rollup deltas with `INSERT … ON CONFLICT DO UPDATE SET x = rollup.x + EXCLUDED.x`, one
 * statement per rollup table, rows in primary-key order so concurrent writers never deadlock.
 */
import type { TransactionSql } from 'postgres';
import type { CustomerRow, DimensionRow, HourlyRow, ToolRow } from '@/lib/ingest/plan/rollup-deltas';
import { HOURLY_ADD_ON_CONFLICT, HOURLY_COLUMNS, HOURLY_COUNTER_TYPES } from '../rollup-columns';

const json = (rows: unknown[]) => JSON.stringify(rows);

const HOURLY_RECORD = ['bucket timestamptz', 'avatar_id text', ...HOURLY_COLUMNS.map((c) => `${c} ${HOURLY_COUNTER_TYPES[c]}`)].join(', ');
const HOURLY_INSERT = HOURLY_COLUMNS.join(', ');
const HOURLY_SELECT = HOURLY_COLUMNS.map((c) => `coalesce(x.${c}, 0)`).join(', ');

export function ingestRollups(tx: TransactionSql) {
  return {
    async addHourly(workspaceId: string, rows: HourlyRow[]) {
      if (rows.length === 0) return;
      const records = rows.map((r) => ({ bucket: r.bucket, avatar_id: r.avatarId, ...r.values }));
      await tx`
        INSERT INTO rollup_hourly AS r (workspace_id, bucket, avatar_id, ${tx.unsafe(HOURLY_INSERT)})
        SELECT ${workspaceId}::uuid, x.bucket, x.avatar_id, ${tx.unsafe(HOURLY_SELECT)}
        FROM json_to_recordset(${json(records)}::text::json) AS x(${tx.unsafe(HOURLY_RECORD)})
        ORDER BY x.bucket, x.avatar_id
        ON CONFLICT (workspace_id, bucket, avatar_id) DO UPDATE SET ${tx.unsafe(HOURLY_ADD_ON_CONFLICT)}`;
    },

    async addDimensions(workspaceId: string, rows: DimensionRow[]) {
      if (rows.length === 0) return;
      const records = rows.map((r) => ({ d: r.dimension, b: r.bucket, a: r.avatarId, v: r.value, n: r.conversations }));
      await tx`
        INSERT INTO rollup_dimensions AS r (workspace_id, dimension, bucket, avatar_id, value, conversations)
        SELECT ${workspaceId}::uuid, x.d, x.b, x.a, x.v, x.n
        FROM json_to_recordset(${json(records)}::text::json) AS x(d text, b timestamptz, a text, v text, n int)
        ORDER BY x.d, x.b, x.a, x.v
        ON CONFLICT (workspace_id, dimension, bucket, avatar_id, value)
        DO UPDATE SET conversations = r.conversations + EXCLUDED.conversations`;
    },

    async addTools(workspaceId: string, rows: ToolRow[]) {
      if (rows.length === 0) return;
      const records = rows.map((r) => ({
        b: r.bucket, a: r.avatarId, t: r.toolName, c: r.calls, s: r.durationSumMs, n: r.durationCount, e: r.escalations,
      }));
      await tx`
        INSERT INTO rollup_tools AS r (workspace_id, bucket, avatar_id, tool_name, calls, duration_sum_ms, duration_count, escalations)
        SELECT ${workspaceId}::uuid, x.b, x.a, x.t, x.c, x.s, x.n, x.e
        FROM json_to_recordset(${json(records)}::text::json) AS x(b timestamptz, a text, t text, c int, s bigint, n int, e int)
        ORDER BY x.b, x.a, x.t
        ON CONFLICT (workspace_id, bucket, avatar_id, tool_name) DO UPDATE SET
          calls = r.calls + EXCLUDED.calls, duration_sum_ms = r.duration_sum_ms + EXCLUDED.duration_sum_ms,
          duration_count = r.duration_count + EXCLUDED.duration_count, escalations = r.escalations + EXCLUDED.escalations`;
    },

    async addCustomers(workspaceId: string, rows: CustomerRow[]) {
      if (rows.length === 0) return;
      const records = rows.map((r) => ({ d: r.day, a: r.avatarId, c: r.customerId }));
      await tx`
        INSERT INTO rollup_customers (workspace_id, day, avatar_id, customer_id)
        SELECT ${workspaceId}::uuid, x.d, x.a, x.c
        FROM json_to_recordset(${json(records)}::text::json) AS x(d date, a text, c text)
        ORDER BY x.d, x.a, x.c
        ON CONFLICT DO NOTHING`;
    },

    /** Drops customer-day rows that no conversation holds any more (after a conversation's start or avatar moved). */
    async removeOrphanCustomers(workspaceId: string, rows: CustomerRow[]) {
      if (rows.length === 0) return;
      const records = rows.map((r) => ({ d: r.day, a: r.avatarId, c: r.customerId }));
      await tx`
        DELETE FROM rollup_customers rc
        USING json_to_recordset(${json(records)}::text::json) AS x(d date, a text, c text)
        WHERE rc.workspace_id = ${workspaceId}::uuid AND rc.day = x.d AND rc.avatar_id = x.a AND rc.customer_id = x.c
          AND NOT EXISTS (
            SELECT 1 FROM conversations c
            WHERE c.workspace_id = ${workspaceId}::uuid AND c.customer_id = x.c AND c.avatar_id = x.a
              AND c.started_at >= x.d::timestamp AT TIME ZONE 'UTC'
              AND c.started_at < (x.d + 1)::timestamp AT TIME ZONE 'UTC'
          )`;
    },
  };
}
