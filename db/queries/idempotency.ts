/** Housekeeping of idempotency_keys: a global worker query, deliberately across workspaces. */
import { sql } from '../index';

/** Deletes up to `limit` keys recorded before `before`, oldest first; returns how many went. */
/** Deletes up to `limit` keys older than `before`, of `workspaceIds` only when given (tests); returns how many. */
export async function deleteIdempotencyKeysBefore(before: Date, limit: number, workspaceIds: string[] | null = null): Promise<number> {
  const rows = await sql`
    DELETE FROM idempotency_keys
    WHERE ctid IN (
      SELECT ctid FROM idempotency_keys
      WHERE created_at < ${before} AND (${workspaceIds}::uuid[] IS NULL OR workspace_id = ANY(${workspaceIds}::uuid[]))
      ORDER BY created_at LIMIT ${limit})
    RETURNING 1`;
  return rows.length;
}
