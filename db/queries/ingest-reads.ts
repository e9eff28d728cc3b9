/** Stored ingest objects read back for API responses (a replayed write answers with what is stored). */
import { and, eq, inArray } from 'drizzle-orm';
import { db, sql } from '../index';
import { actions, events, messages } from '../schema';

export async function findMessagesByIds(workspaceId: string, conversationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: messages.id,
      conversationId: messages.conversationId,
      role: messages.role,
      createdAt: messages.createdAt,
      responseTimeMs: messages.responseTimeMs,
      sentimentScore: messages.sentimentScore,
      sentimentLabel: messages.sentimentLabel,
    })
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId), inArray(messages.id, ids)));
}

export async function findActionById(workspaceId: string, conversationId: string, id: string) {
  const [row] = await db
    .select({
      id: actions.id,
      conversationId: actions.conversationId,
      name: actions.name,
      startedAt: actions.startedAt,
      durationMs: actions.durationMs,
      status: actions.status,
      isEscalation: actions.isEscalation,
    })
    .from(actions)
    .where(and(eq(actions.workspaceId, workspaceId), eq(actions.conversationId, conversationId), eq(actions.id, id)));
  return row ?? null;
}

export async function findEventById(workspaceId: string, id: string) {
  const [row] = await db
    .select({ id: events.id, name: events.name, conversationId: events.conversationId, avatarId: events.avatarId, timestamp: events.timestamp })
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), eq(events.id, id)));
  return row ?? null;
}

/** Statuses recorded for batch items already applied (key → status). */
export async function findIdempotentStatuses(workspaceId: string, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await sql<{ key: string; status: number }[]>`
    SELECT key, status FROM idempotency_keys
    WHERE workspace_id = ${workspaceId}::uuid AND key = ANY (ARRAY(SELECT json_array_elements_text(${JSON.stringify(keys)}::text::json)))`;
  return new Map(rows.map((r) => [r.key, r.status]));
}
