/** Housekeeping of idempotency_keys: a global worker query, deliberately across workspaces. */
import { sql } from '../index';

/** Deletes up to `limit` keys recorded before `before`, oldest first; returns how many went. */
export async function deleteIdempotencyKeysBefore(before: Date, limit: number): Promise<number> {
  const rows = await sql`
    DELETE FROM idempotency_keys
    WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE created_at < ${before} ORDER BY created_at LIMIT ${limit})
    RETURNING 1`;
  return rows.length;
}
