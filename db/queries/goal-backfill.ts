/** The back-fill's claims, chunks and progress on the goals table. */
import type { TransactionSql } from 'postgres';
import { sql } from '../index';
import { conversationLockOrder } from '../lock-order';

/** `version` is the goal's updated_at as PostgreSQL prints it (microseconds, which a Date would lose). */
export type BackfillClaim = { workspace_id: string; id: string; name: string; avatar_id: string | null; trigger: Record<string, unknown>; version: string };

/** A back-fill whose worker has not reported for this long is taken over by another. */
const STALE_AFTER = '2 minutes';

/**
 * Claims the oldest waiting back-fill (or one whose worker vanished), of the given workspaces only if any
 * (tests); null when there is none. NO KEY UPDATE, not UPDATE: ingestion key-share-locks the goals it evaluates, and a goal
 * under ingestion must still be claimable.
 */
export async function claimBackfill(workspaceIds: string[] | null = null): Promise<BackfillClaim | null> {
  const [row] = await sql<BackfillClaim[]>`
    UPDATE goals g SET backfill_status = 'running', backfill_progress = 0, backfill_error = null,
      backfill_started_at = now(), backfill_finished_at = null, backfill_heartbeat_at = now()
    FROM (
      SELECT workspace_id, id FROM goals
      WHERE (backfill_status = 'pending' OR (backfill_status = 'running' AND backfill_heartbeat_at < now() - ${STALE_AFTER}::interval))
        AND (${workspaceIds}::uuid[] IS NULL OR workspace_id = ANY(${workspaceIds}::uuid[]))
      ORDER BY updated_at LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED
    ) due
    WHERE g.workspace_id = due.workspace_id AND g.id = due.id
    RETURNING g.workspace_id, g.id, g.name, g.avatar_id, g.trigger, g.updated_at::text AS version`;
  return row ?? null;
}

/** Whether the claimed definition is still the goal's (not edited or deleted since); holds it until commit. */
export async function claimIsCurrent(tx: TransactionSql, claim: BackfillClaim): Promise<boolean> {
  const rows = await tx`
    SELECT 1 FROM goals WHERE workspace_id = ${claim.workspace_id}::uuid AND id = ${claim.id}
      AND updated_at = ${claim.version}::text::timestamptz AND backfill_status = 'running' FOR SHARE`;
  return rows.length > 0;
}

export async function countConversations(workspaceId: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM conversations WHERE workspace_id = ${workspaceId}::uuid`;
  return row.n;
}

export type ChunkConversation = { id: string; avatar_id: string; started_at: Date; status: string; escalated: boolean; ended_at: Date | null };

/** The next `limit` conversations after `after` in lock order (the primary key's), locked as ingestion locks them. */
export async function lockConversationChunk(tx: TransactionSql, workspaceId: string, after: string | null, limit: number) {
  return tx<ChunkConversation[]>`
    SELECT id, avatar_id, started_at, status, escalated, ended_at FROM conversations
    WHERE workspace_id = ${workspaceId}::uuid AND (${after}::text IS NULL OR id > ${after})
    ${conversationLockOrder(tx)} LIMIT ${limit} FOR UPDATE`;
}

/**
 * Removes the goal's completions in these conversations (a chunk: consecutive ids, in order); returns
 * the conversations that had one. The id range keeps the lookup on the primary key, whatever the
 * planner believes about a table the back-fill is filling.
 */
export async function clearChunkCompletions(tx: TransactionSql, workspaceId: string, goalId: string, ids: string[]): Promise<string[]> {
  const rows = await tx<{ conversation_id: string }[]>`
    DELETE FROM goal_completions WHERE workspace_id = ${workspaceId}::uuid AND goal_id = ${goalId}
      AND conversation_id >= ${ids[0]} AND conversation_id <= ${ids.at(-1)!} AND conversation_id = ANY(${ids}::text[])
    RETURNING conversation_id`;
  return rows.map((r) => r.conversation_id);
}

export async function reportProgress(tx: TransactionSql, claim: BackfillClaim, progress: number) {
  await tx`UPDATE goals SET backfill_progress = ${progress}, backfill_heartbeat_at = now()
    WHERE workspace_id = ${claim.workspace_id}::uuid AND id = ${claim.id} AND updated_at = ${claim.version}::text::timestamptz`;
}

export async function finishBackfill(claim: BackfillClaim, error: string | null) {
  // The table may have grown a lot: fresh statistics keep goal analytics on the right plans.
  await sql`ANALYZE goal_completions`;
  await sql`UPDATE goals SET backfill_status = ${error ? 'failed' : 'done'}, backfill_progress = CASE WHEN ${error}::text IS NULL THEN 1 ELSE backfill_progress END,
      backfill_error = ${error}, backfill_finished_at = now(), backfill_heartbeat_at = null
    WHERE workspace_id = ${claim.workspace_id}::uuid AND id = ${claim.id} AND updated_at = ${claim.version}::text::timestamptz AND backfill_status = 'running'`;
}

/** Puts a claimed back-fill back in the queue (the worker is shutting down); it starts over later. */
export async function requeueBackfill(claim: BackfillClaim) {
  await sql`UPDATE goals SET backfill_status = 'pending', backfill_heartbeat_at = null
    WHERE workspace_id = ${claim.workspace_id}::uuid AND id = ${claim.id} AND updated_at = ${claim.version}::text::timestamptz AND backfill_status = 'running'`;
}

/**
 * After a large back-fill: its deletes, inserts and goal flags left the completions' and conversations'
 * pages out of the visibility map, so until autovacuum comes by, reads that are index-only (the funnel's
 * merge joins) visit the heap for every row — a funnel over a million conversations took seconds instead of
 * a few hundred milliseconds. VACUUM cannot run in a transaction, so it is its own statement.
 */
export async function vacuumAfterBackfill(): Promise<void> {
  await sql`VACUUM (ANALYZE) goal_completions, conversations`;
}
