/**
 * The one lock order of Confab's writers, so that concurrent transactions wait for each other instead of
 * deadlocking:
 *   1. goal rows first (ingestion and the idle-close job `FOR KEY SHARE` the goals they evaluate, the
 *      back-fill `FOR SHARE`s its goal, a goal delete takes the row), then
 *   2. conversation rows, always by SQL `ORDER BY id` — the database's default collation, the order of
 *      the (workspace_id, id) primary key — never in an order computed in JavaScript (a JS sort compares
 *      UTF-16 code units, which is neither byte order nor the database's collation), then
 *   3. the workspace's billing usage row of the period (lib/billing/quota.ts: ingestion's one upsert, only when
 *      billing is on and the batch starts conversations), then
 *   4. rows that hang off locked conversations (messages, completions) and rollup rows, each upsert
 *      ordered by its key.
 * A conversation a batch creates is inserted after the rows that hang off it (its goal flag is known only
 * then). No other writer can hold it before it commits, and two batches creating the same one run the same
 * statements in the same order: the second waits at the first key they share, then retries with it as an
 * existing conversation.
 * The default collation rather than `COLLATE "C"`: the back-fill walks conversations in lock order by
 * keyset (`id > after`), which only the primary key index serves.
 */
import type { TransactionSql } from 'postgres';

/** ORDER BY clause (without the keyword) that every `FOR UPDATE` of conversations uses. */
export const CONVERSATION_LOCK_ORDER = 'id';

/** `ORDER BY <lock order>` as a fragment, for a query whose conversations carry `alias` (e.g. `c`). */
export function conversationLockOrder(tx: TransactionSql, alias?: string) {
  return tx.unsafe(`ORDER BY ${alias ? `${alias}.` : ''}${CONVERSATION_LOCK_ORDER}`);
}

/**
 * The lock ingestion and the idle-close job take on the goals they evaluate: it keeps a goal from being
 * deleted until they commit (so a delete sees, and removes, every completion they wrote), yet lets goal
 * edits and back-fill progress updates (which change no key column) go ahead.
 */
export const GOAL_EVALUATION_LOCK = 'FOR KEY SHARE';

/** Locks the conversations among `ids` that exist, in lock order. */
export async function lockConversations(tx: TransactionSql, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return;
  await tx`SELECT 1 FROM conversations WHERE workspace_id = ${workspaceId}::uuid AND id = ANY(${ids}::text[])
    ${conversationLockOrder(tx)} FOR UPDATE`;
}
