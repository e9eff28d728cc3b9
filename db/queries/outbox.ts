/**
 * The event stream's writes: inside the transaction of the fact they record (a transactional outbox), so a
 * committed fact always has its event and a rolled-back one never does.
 */
import type { PendingQuery, Row, TransactionSql } from 'postgres';
import { newEventId, type OutboxEvent } from '@/lib/webhooks/events';

/** The event types the enabled webhooks of `workspace` (an SQL expression) take, as a text[] expression. */
export const subscribedEventTypes = (tx: TransactionSql, workspace: PendingQuery<Row[]>) =>
  tx`ARRAY(SELECT DISTINCT unnest(h.events) FROM webhooks h WHERE h.workspace_id = ${workspace} AND h.enabled)`;

/**
 * Writes `events`; with `subscribed` (the types the workspace's enabled webhooks take, as the writer read them
 * in its transaction) only those of a type it holds: the rest are not written at all.
 */
export async function emitEvents(
  tx: TransactionSql,
  workspaceId: string,
  events: OutboxEvent[],
  { subscribed, at = new Date() }: { subscribed?: ReadonlySet<string>; at?: Date } = {},
): Promise<void> {
  const taken = subscribed ? events.filter((e) => subscribed.has(e.type)) : events;
  if (taken.length === 0) return;
  const rows = taken.map((e) => ({ e: newEventId(), t: e.type, c: e.conversationId, d: e.data }));
  await tx`
    INSERT INTO outbox_events (workspace_id, event_id, type, conversation_id, payload, created_at)
    SELECT ${workspaceId}::uuid, x.e, x.t, x.c, x.d, ${at}
    FROM json_to_recordset(${JSON.stringify(rows)}::text::json) AS x(e text, t text, c text, d json)`;
}

/** The event types the enabled webhooks of each of `workspaceIds` take (a workspace without any maps to an empty set). */
export async function readSubscribedEventTypes(tx: TransactionSql, workspaceIds: string[]): Promise<Map<string, Set<string>>> {
  if (workspaceIds.length === 0) return new Map();
  const rows = await tx<{ id: string; types: string[] }[]>`
    SELECT w.id, ${subscribedEventTypes(tx, tx`w.id`)} AS types FROM unnest(${workspaceIds}::uuid[]) AS w(id)`;
  return new Map(rows.map((r) => [r.id, new Set(r.types)]));
}
