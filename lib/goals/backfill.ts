/**
 * Back-fills a goal over the conversations already stored, after it is created or redefined. It walks
 * the workspace's conversations in id order, a chunk per transaction: lock the chunk (as ingestion
 * does), drop the goal's completions there, and store what the same evaluator as live ingestion finds.
 * Live evaluation keeps running meanwhile, so the result equals evaluating all the data live. Progress
 * is written to the goal after every chunk; an edit or delete of the goal stops a running back-fill.
 */
import {
  claimBackfill,
  claimIsCurrent,
  clearChunkCompletions,
  countConversations,
  finishBackfill,
  lockConversationChunk,
  reportProgress,
  requeueBackfill,
  vacuumAfterBackfill,
  type BackfillClaim,
  type ChunkConversation,
} from '@/db/queries/goal-backfill';
import { upsertCompletions } from '@/db/queries/goal-completions';
import { syncGoalReached } from '@/db/queries/goals';
import { withRetryableTransaction } from '@/db/transaction';
import { appliesTo, endCompletions, findCompletions, type ConversationFacts } from './evaluate';
import { readStoredFacts } from './stored-facts';
import { compileGoal, type CompiledGoal, type GoalTrigger } from './triggers';

/**
 * Conversations per chunk (one transaction): from MAX_CHUNK, halved after a chunk that took longer than
 * CHUNK_TARGET_MS and doubled after a quick one, so a chunk holds its locks (and, on the embedded database,
 * its one session, which the dashboard's reads wait for) for about 150 ms whatever the database.
 */
const MAX_CHUNK = 2_000;
const MIN_CHUNK = 100;
const CHUNK_TARGET_MS = 150;

export function nextChunkSize(size: number, tookMs: number): number {
  if (tookMs > CHUNK_TARGET_MS) return Math.max(MIN_CHUNK, Math.floor(size / 2));
  if (tookMs < CHUNK_TARGET_MS / 2) return Math.min(MAX_CHUNK, size * 2);
  return size;
}

const facts = (c: ChunkConversation): ConversationFacts => ({
  id: c.id, avatarId: c.avatar_id, startedAt: c.started_at, ended: c.status === 'ended', escalated: c.escalated, endedAt: c.ended_at,
});

/**
 * Back-fills one chunk; the last conversation id of the chunk, or null when there were none left (or the
 * claim lapsed). A chunk that meets a deadlock runs again: it wrote nothing.
 */
async function backfillChunk(claim: BackfillClaim, goal: CompiledGoal, after: string | null, size: number, progress: (n: number) => number) {
  return withRetryableTransaction(async (tx) => {
    if (!(await claimIsCurrent(tx, claim))) return { stop: true as const };
    const chunk = await lockConversationChunk(tx, claim.workspace_id, after, size);
    if (chunk.length === 0) return { stop: false as const, last: null, size: 0 };
    const conversations = new Map(chunk.map((c) => [c.id, facts(c)]));
    const applicable = chunk.filter((c) => appliesTo(goal, conversations.get(c.id)!)).map((c) => c.id);
    const found = [
      ...findCompletions([goal], conversations, await readStoredFacts(tx, claim.workspace_id, applicable, [goal])),
      ...endCompletions([goal], [...conversations.values()]),
    ];
    const ids = chunk.map((c) => c.id);
    const cleared = await clearChunkCompletions(tx, claim.workspace_id, claim.id, ids);
    await upsertCompletions(tx, claim.workspace_id, found, 'backfill');
    await syncGoalReached(tx, claim.workspace_id, [...new Set([...cleared, ...found.map((c) => c.conversationId)])].sort());
    await reportProgress(tx, claim, progress(chunk.length));
    return { stop: false as const, last: chunk.at(-1)!.id, size: chunk.length };
  });
}

export type BackfillReport = { goalId: string; conversations: number; status: 'done' | 'failed' | 'superseded' | 'requeued'; error?: string };

/** Runs one claimed back-fill to its end; when `signal` aborts (shutdown) it stops between chunks and queues the goal again. */
export async function backfillGoal(claim: BackfillClaim, signal?: AbortSignal): Promise<BackfillReport> {
  let done = 0;
  try {
    const goal = compileGoal({ id: claim.id, name: claim.name, avatarId: claim.avatar_id, trigger: claim.trigger as GoalTrigger });
    const total = Math.max(await countConversations(claim.workspace_id), 1);
    const progress = (n: number) => Math.min((done + n) / total, 0.999);
    let size = MAX_CHUNK;
    for (let after: string | null = null; ; ) {
      if (signal?.aborted) {
        await requeueBackfill(claim);
        return { goalId: claim.id, conversations: done, status: 'requeued' };
      }
      const started = performance.now();
      const step = await backfillChunk(claim, goal, after, size, progress);
      size = nextChunkSize(size, performance.now() - started);
      if (step.stop) return { goalId: claim.id, conversations: done, status: 'superseded' };
      if (step.last === null) break;
      done += step.size;
      after = step.last;
    }
    await finishBackfill(claim, null);
    return { goalId: claim.id, conversations: done, status: 'done' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishBackfill(claim, message.slice(0, 500));
    return { goalId: claim.id, conversations: done, status: 'failed', error: message };
  }
}

/** Back-fills over at least this many conversations in all are followed by a VACUUM of what they wrote. */
const VACUUM_AFTER_CONVERSATIONS = 10_000;

/**
 * Claims and runs waiting back-fills until none is left (of `workspaceIds` only, if given: tests leave
 * other tests' goals alone); returns what was done. `signal` stops it between chunks (shutdown).
 */
export async function runPendingBackfills(
  options: { signal?: AbortSignal; workspaceIds?: string[]; vacuumAfterConversations?: number } = {},
): Promise<BackfillReport[]> {
  const { signal } = options;
  const reports: BackfillReport[] = [];
  while (!signal?.aborted) {
    const claim = await claimBackfill(options.workspaceIds ?? null);
    if (!claim) break;
    reports.push(await backfillGoal(claim, signal));
  }
  // A large pass leaves the pages it wrote out of the visibility map (see vacuumAfterBackfill). A failure
  // (the embedded database's one session inside another client's transaction) leaves that to autovacuum.
  const vacuumAfter = options.vacuumAfterConversations ?? VACUUM_AFTER_CONVERSATIONS;
  if (reports.length && reports.reduce((n, r) => n + r.conversations, 0) >= vacuumAfter) await vacuumAfterBackfill().catch(() => {});
  return reports;
}
