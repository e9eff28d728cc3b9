/**
 * `POST /v1/batch` as a function: validates each item on its own, skips item ids already applied
 * (answering with the status recorded then), and applies the rest in one set-based transaction. Items that
 * are their own record (a message, tool call or event with the item id as its id) are not looked up: they are
 * applied again, find their row stored, and answer 201 as the first time did.
 * The demo seeder and the benchmark call `ingestBatch` directly.
 */
import { findIdempotentStatuses } from '@/db/queries/ingest-reads';
import { validationError, zodDetails, type ErrorDetail } from '@/lib/api/errors';
import { batchBodySchemas, batchItemSchema, batchRequestSchema } from './parse/schemas';
import { applyIngestItems, IDEMPOTENCY_PREFIX, isOwnRecord } from './write/transaction';
import type { IngestItem } from './types';

export type BatchItemResult = {
  id: string | null;
  status: number;
  error?: { code: string; message: string; details?: ErrorDetail[] };
};

type Checked = { ok: true; id: string; item: IngestItem } | { ok: false; id: string | null; error: NonNullable<BatchItemResult['error']> };

const prefixed = (details: ErrorDetail[], prefix: string) =>
  details.map((d) => ({ ...d, path: d.path === '(root)' ? prefix : `${prefix}.${d.path}` }));

function invalid(id: string | null, details: ErrorDetail[]): Checked {
  return { ok: false, id, error: { code: 'validation_error', message: 'Invalid batch item', details } };
}

/** Validates one raw item into an IngestItem, or the 422 error it answers with. */
export function checkBatchItem(raw: unknown): Checked {
  const rawId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
  const envelope = batchItemSchema.safeParse(raw);
  if (!envelope.success) return invalid(rawId, zodDetails(envelope.error));
  const { id, type, timestamp } = envelope.data;
  const at = timestamp ?? null;
  const parsed = batchBodySchemas[type].safeParse(envelope.data.body);
  if (!parsed.success) return invalid(id, prefixed(zodDetails(parsed.error), 'body'));
  const body = parsed.data;
  // The body schema was picked by `type`, so the pair is consistent; TS cannot follow that lookup.
  const item = 'conversationId' in body && type !== 'event' ? { at, key: id, type, conversationId: body.conversationId, body } : { at, key: id, type, body };
  return { ok: true, id, item: item as IngestItem };
}

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
