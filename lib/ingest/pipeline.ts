/**
 * The ingest pipeline run once for a set of validated items: derive each item's record before any
 * statement, then write them in one transaction, retried when a concurrent batch created one of its
 * conversations first (see index.ts for the stages).
 */
import { withRetryableTransaction } from '@/db/transaction';
import { prepareItems } from './derive/prepared-items';
import { ConversationCreatedConcurrently } from './plan/new-conversations';
import type { ApplyOptions, ApplyResult, IngestItem } from './types';
import { applyInTransaction } from './write/transaction';

export async function applyIngestItems(workspaceId: string, items: IngestItem[], options: ApplyOptions = {}): Promise<ApplyResult> {
  if (items.length === 0) return { outcomes: [], conversations: new Map() };
  const prepared = prepareItems(items, options.receivedAt ?? new Date());
  // A conversation created by a concurrent batch is seen as existing on the next attempt.
  const { afterCommit, ...result } = await withRetryableTransaction((tx) => applyInTransaction(tx, workspaceId, items, prepared, options), {
    retryIf: (error) => error instanceof ConversationCreatedConcurrently,
  });
  await afterCommit?.();
  return result;
}
