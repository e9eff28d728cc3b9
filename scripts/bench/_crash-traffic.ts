/**
 * Traffic for the crash checks: demo conversations packed into /v1/batch bodies (a conversation never
 * spans two batches, so batches can land in any order), sent concurrently while the server may die,
 * and the stored rows counted against what was sent.
 */
import { sql } from '@/db';
import { demoConversation, seededRandom } from '@/lib/demo/generate';

export type CrashBatch = { index: number; body: string; items: number; messagesByConversation: Map<string, number> };

export function buildCrashBatches(prefix: string, count: number, conversationsPerBatch: number, seed: number, now = new Date()): CrashBatch[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const messagesByConversation = new Map<string, number>();
    const batch = Array.from({ length: conversationsPerBatch }, (_, c) => {
      const id = `${prefix}_${index}_${c}`;
      const items = demoConversation(rand, id, now, 7, 500);
      messagesByConversation.set(id, items.filter((item) => item.type === 'message').length);
      return items;
    }).flat();
    return { index, body: JSON.stringify({ batch }), items: batch.length, messagesByConversation };
  });
}

/** acked: a 2xx answer with a 2xx status for every item; refused: nothing listened; lost: the request died in flight. */
export type SendResult = { outcome: 'acked' | 'refused' | 'lost' | 'rejected'; detail?: string };

function isRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code === 'ECONNREFUSED';
}

export async function sendBatch(url: string, key: string, batch: CrashBatch): Promise<SendResult> {
  try {
    const res = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: batch.body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (res.status < 200 || res.status > 299) return { outcome: 'rejected', detail: `${res.status} ${text.slice(0, 200)}` };
    const { results } = JSON.parse(text) as { results: { id: string; status: number }[] };
    const bad = results.filter((r) => r.status < 200 || r.status > 299);
    if (results.length !== batch.items || bad.length) return { outcome: 'rejected', detail: `item statuses ${JSON.stringify(bad.slice(0, 3))}` };
    return { outcome: 'acked' };
  } catch (error) {
    return { outcome: isRefused(error) ? 'refused' : 'lost', detail: String((error as Error).cause ?? error) };
  }
}

/** Sends every batch from `concurrency` clients; `onResult` sees each answer as it comes (e.g. to pull the plug). */
export async function sendAll(
  url: string,
  key: string,
  batches: CrashBatch[],
  concurrency: number,
  onResult: (batch: CrashBatch, result: SendResult) => void = () => {},
): Promise<Map<number, SendResult>> {
  const results = new Map<number, SendResult>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const result = await sendBatch(url, key, batch);
        results.set(batch.index, result);
        onResult(batch, result);
      }
    }),
  );
  return results;
}

/** A client's resend after the restart: retried a few times, since a kept-alive socket may still point at the dead server. */
export async function resendAll(url: string, key: string, batches: CrashBatch[], concurrency: number): Promise<Map<number, SendResult>> {
  const results = new Map<number, SendResult>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        let result = await sendBatch(url, key, batch);
        for (let attempt = 1; attempt < 4 && result.outcome !== 'acked' && result.outcome !== 'rejected'; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
          result = await sendBatch(url, key, batch);
        }
        results.set(batch.index, result);
      }
    }),
  );
  return results;
}

/** Conversations of `batches` already stored: those batches were committed although their answer never arrived. */
export async function countStoredBatches(workspaceId: string, batches: CrashBatch[]): Promise<number> {
  const firstIds = batches.map((b) => b.messagesByConversation.keys().next().value as string);
  if (firstIds.length === 0) return 0;
  const [{ n }] = await sql<{ n: number }[]>`
    select count(*)::int as n from conversations where workspace_id = ${workspaceId} and id = any(${firstIds}::text[])`;
  return n;
}

export type StoredCheck = {
  conversationsExpected: number;
  conversationsStored: number;
  messagesExpected: number;
  messagesStored: number;
  /** Rows or counted messages beyond what was sent, summed over conversations. */
  duplicates: number;
  missing: number;
  /** Conversations whose message_count counter disagrees with their rows (a double-applied batch shows here). */
  counterMismatches: number;
};

export async function checkStored(workspaceId: string, batches: CrashBatch[]): Promise<StoredCheck> {
  const expected = new Map<string, number>();
  for (const batch of batches) for (const [id, n] of batch.messagesByConversation) expected.set(id, n);
  const rows = await sql<{ id: string; rows: number; counter: number }[]>`
    select c.id, c.message_count::int as counter, (select count(*)::int from messages m where m.workspace_id = c.workspace_id and m.conversation_id = c.id) as rows
    from conversations c where c.workspace_id = ${workspaceId}`;
  const stored = new Map(rows.map((r) => [r.id, r]));
  let duplicates = 0;
  let missing = 0;
  let counterMismatches = 0;
  for (const [id, want] of expected) {
    const got = stored.get(id);
    const have = got?.rows ?? 0;
    duplicates += Math.max(0, have - want, (got?.counter ?? 0) - want);
    missing += Math.max(0, want - have);
    if (got && got.counter !== got.rows) counterMismatches++;
  }
  for (const [id, got] of stored) if (!expected.has(id)) duplicates += got.rows;
  return {
    conversationsExpected: expected.size,
    conversationsStored: rows.filter((r) => expected.has(r.id)).length,
    messagesExpected: [...expected.values()].reduce((a, b) => a + b, 0),
    messagesStored: rows.reduce((a, r) => a + r.rows, 0),
    duplicates,
    missing,
    counterMismatches,
  };
}
