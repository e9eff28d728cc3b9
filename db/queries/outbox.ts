/**
 * The event stream's writes: inside the transaction of the fact they record (a transactional outbox), so a
 * committed fact always has its event and a rolled-back one never does.
 */
import type { PendingQuery, Row, TransactionSql } from 'postgres';
import { newEventId, type OutboxEvent } from '@/lib/webhooks/events';

/** The event types the enabled webhooks of `workspace` (an SQL expression) take, as a text[] expression. */
export const subscribedEventTypes = (tx: TransactionSql, workspace: PendingQuery<Row[]>) =>
  tx`ARRAY(SELECT DISTINCT unnest(h.events) FROM webhooks h WHERE h.workspace_id = ${workspace} AND h.enabled)`;

export async function emitEvents(tx: TransactionSql, workspaceId: string, events: OutboxEvent[], at: Date = new Date()): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({ e: newEventId(), t: e.type, c: e.conversationId, d: e.data }));
  await tx`
    INSERT INTO outbox_events (workspace_id, event_id, type, conversation_id, payload, created_at)
    SELECT ${workspaceId}::uuid, x.e, x.t, x.c, x.d, ${at}
    FROM json_to_recordset(${JSON.stringify(rows)}::text::json) AS x(e text, t text, c text, d json)`;
}

/**
 * The events among `events` whose type an enabled webhook of the workspace takes at this moment (read in the
 * caller's transaction), written like emitEvents; the rest are not written at all. For writers outside an
 * ingest batch (which reads the subscriptions with its other workspace rules).
 */
export async function emitSubscribedEvents(tx: TransactionSql, workspaceId: string, events: OutboxEvent[], at: Date = new Date()): Promise<void> {
  if (events.length === 0) return;
  const [{ types }] = await tx<{ types: string[] }[]>`SELECT ${subscribedEventTypes(tx, tx`${workspaceId}::uuid`)} AS types`;
  const taken = new Set(types);
  await emitEvents(tx, workspaceId, events.filter((e) => taken.has(e.type)), at);
}
