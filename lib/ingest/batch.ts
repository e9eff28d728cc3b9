/**
 * `POST /v1/batch` as a function: validates each item on its own, skips item ids already applied
 * (answering with the status recorded then), and applies the rest in one set-based transaction. Items that
 * are their own record (a message, tool call or event with the item id as its id) are not looked up: they are
 * applied again, find their row stored, and answer 201 as the first time did.
 * The demo seeder and the benchmark call `ingestBatch` directly.
 */
import { findIdempotentStatuses } from '@/db/queries/ingest-reads';
import { validationError } from '@/lib/api/errors';
import { checkBatchItem, type BatchItemError, type Checked } from './parse/batch-item';
import { batchRequestSchema } from './parse/schemas';
import { applyIngestItems } from './pipeline';
import { IDEMPOTENCY_PREFIX, isOwnRecord } from './write/idempotency-keys';

export type BatchItemResult = {
  id: string | null;
  status: number;
  error?: BatchItemError;
};

export async function ingestBatch(
  workspaceId: string,
  input: unknown,
  options: { receivedAt?: Date } = {},
): Promise<{ results: BatchItemResult[]; retryAfterSeconds?: number }> {
  const envelope = batchRequestSchema.safeParse(input);
  if (!envelope.success) throw validationError(envelope.error, 'Send `{ "batch": [{ id, type, timestamp?, body }] }`');
  const checked = envelope.data.batch.map(checkBatchItem);

  // An id repeated inside the batch is a resend of its first occurrence.
  const firstOf = new Map<string, number>();
  checked.forEach((c, index) => {
    if (c.ok && !firstOf.has(c.id)) firstOf.set(c.id, index);
  });
  const ownRecord = (index: number) => isOwnRecord((checked[index] as Extract<Checked, { ok: true }>).item);
  const recorded = await findIdempotentStatuses(workspaceId, [...firstOf].flatMap(([id, index]) => (ownRecord(index) ? [] : [IDEMPOTENCY_PREFIX + id])));

  const toApply: number[] = [];
  for (const [id, index] of firstOf) if (!recorded.has(IDEMPOTENCY_PREFIX + id)) toApply.push(index);
  toApply.sort((a, b) => a - b);
  const { outcomes } = await applyIngestItems(
    workspaceId,
    toApply.map((i) => (checked[i] as Extract<Checked, { ok: true }>).item),
    { receivedAt: options.receivedAt, recordKeys: true },
  );
  const applied = new Map(toApply.map((index, k) => [index, outcomes[k]]));

  const results = checked.map((c): BatchItemResult => {
    if (!c.ok) return { id: c.id, status: 422, error: c.error };
    const outcome = applied.get(firstOf.get(c.id)!);
    // Refused past the plan's quota: nothing was written or recorded, so a resend later is applied.
    if (outcome?.refusal) return { id: c.id, status: 429, error: { code: outcome.refusal.code, message: outcome.refusal.message } };
    // Its own record, found stored: this item id created it the first time.
    if (outcome && isOwnRecord(c.item)) return { id: c.id, status: 201 };
    return { id: c.id, status: outcome?.status ?? recorded.get(IDEMPOTENCY_PREFIX + c.id)! };
  });
  const refusal = outcomes.find((o) => o.refusal)?.refusal;
  return refusal ? { results, retryAfterSeconds: refusal.retryAfterSeconds } : { results };
}
