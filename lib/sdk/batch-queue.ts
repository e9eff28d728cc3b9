// Queues batch items and sends them to POST /v1/batch in order, in chunks that respect the
// server's limits (1,000 items, 5 MB), retrying only the items the server could not take.
import { ConfabError, errorFromBody, isRetryableStatus } from './errors';
import { unrefTimer, type Transport } from './transport';
import type { BatchItem, BatchResult } from './types';

export interface BatchOptions {
  /** Send as soon as this many items are queued (default 100, at most 1,000). */
  maxItems?: number;
  /** Send queued items at most this long after the first of them was queued (default 1000). */
  flushIntervalMs?: number;
}

export interface BatchQueue {
  add(item: BatchItem): void;
  /** Sends everything queued so far; resolves when sent or reported through onError. */
  flush(): Promise<void>;
  stopTimer(): void;
}

export const MAX_BATCH_ITEMS = 1000;
/** Kept a little under the server's 5 MB whichever way "MB" is counted. */
export const MAX_BATCH_BYTES = 5_000_000;
const ENVELOPE = '{"batch":[]}';

interface QueuedItem {
  item: BatchItem;
  /** Serialised once at enqueue time: later sends and retries reuse these exact bytes. */
  json: string;
  bytes: number;
}

const encoder = new TextEncoder();

function toBody(items: QueuedItem[]): string {
  return `{"batch":[${items.map((q) => q.json).join(',')}]}`;
}

function toConfabError(err: unknown): ConfabError {
  if (err instanceof ConfabError) return err;
  return new ConfabError({ status: 0, code: 'client_error', message: String((err as Error)?.message ?? err), cause: err });
}

export function createBatchQueue(
  transport: Transport,
  options: BatchOptions | undefined,
  report: (error: ConfabError) => void,
): BatchQueue {
  const maxItems = Math.min(MAX_BATCH_ITEMS, Math.max(1, Math.floor(options?.maxItems ?? 100)));
  const flushIntervalMs = Math.max(0, options?.flushIntervalMs ?? 1000);
  let pending: QueuedItem[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Sends run one after another so the server sees items in the order they were queued.
  let sending: Promise<void> = Promise.resolve();

  function stopTimer() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function add(item: BatchItem) {
    const json = JSON.stringify(item);
    pending.push({ item, json, bytes: encoder.encode(json).length });
    if (pending.length >= maxItems) {
      void flush();
    } else if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        void flush();
      }, flushIntervalMs);
      unrefTimer(timer);
    }
  }

  function flush(): Promise<void> {
    stopTimer();
    const taken = pending;
    pending = [];
    sending = sending.then(() => sendAll(taken)).catch((err) => report(toConfabError(err)));
    return sending;
  }

  function chunk(items: QueuedItem[]): QueuedItem[][] {
    const chunks: QueuedItem[][] = [];
    let current: QueuedItem[] = [];
    let size = ENVELOPE.length;
    for (const q of items) {
      if (ENVELOPE.length + q.bytes > MAX_BATCH_BYTES) {
        report(
          new ConfabError({
            status: 413,
            code: 'payload_too_large',
            message: `Batch item ${q.item.id} is ${q.bytes} bytes; a batch body must stay under ${MAX_BATCH_BYTES}`,
            items: [q.item],
          }),
        );
        continue;
      }
      if (current.length >= maxItems || (current.length > 0 && size + 1 + q.bytes > MAX_BATCH_BYTES)) {
        chunks.push(current);
        current = [];
        size = ENVELOPE.length;
      }
      size += (current.length > 0 ? 1 : 0) + q.bytes;
      current.push(q);
    }
    if (current.length > 0) chunks.push(current);
    return chunks;
  }

  async function sendAll(items: QueuedItem[]) {
    for (const part of chunk(items)) await sendChunk(part);
  }

  async function sendChunk(items: QueuedItem[]) {
    let batch = items;
    for (let round = 0; ; round++) {
      let data: unknown;
      try {
        data = await transport.post('/v1/batch', toBody(batch));
      } catch (err) {
        report(toConfabError(err).withItems(batch.map((q) => q.item)));
        return;
      }
      const results = (data as Partial<BatchResult> | undefined)?.results;
      // A 2xx without per-item results means the server took the whole batch.
      if (!Array.isArray(results)) return;
      const byId = new Map(results.map((r) => [r.id, r]));
      const retry: { q: QueuedItem; error: ConfabError }[] = [];
      for (const q of batch) {
        const result = byId.get(q.item.id);
        if (result && result.status < 400) continue;
        const error = result
          ? errorFromBody(result.status, { error: result.error }).withItems([q.item])
          : new ConfabError({ status: 0, code: 'missing_result', message: `No result for batch item ${q.item.id}`, items: [q.item] });
        if (!result || isRetryableStatus(result.status)) retry.push({ q, error });
        else report(error);
      }
      if (retry.length === 0) return;
      if (round >= transport.retries) {
        for (const { error } of retry) report(error);
        return;
      }
      await transport.backoff(round);
      batch = retry.map((r) => r.q);
    }
  }

  return { add, flush, stopTimer };
}
