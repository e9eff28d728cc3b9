/**
 * The stored messages, tool calls and events of some conversations that goals could match, read inside
 * the caller's transaction (the back-fill's chunk, or live evaluation of conversations whose avatar was
 * just named); lib/goals/stored-facts.ts turns them into evaluator facts.
 */
import type { TransactionSql } from 'postgres';

export async function storedMessages(tx: TransactionSql, workspaceId: string, ids: string[], roles: string[]) {
  return tx<{ conversation_id: string; id: string; role: string; content: string; created_at: Date }[]>`
    SELECT conversation_id, id, role, content, created_at FROM messages
    WHERE workspace_id = ${workspaceId}::uuid AND conversation_id = ANY(${ids}::text[]) AND role = ANY(${roles}::message_role[])`;
}

export async function storedActions(tx: TransactionSql, workspaceId: string, ids: string[], names: string[]) {
  return tx<{ conversation_id: string; id: string; name: string; started_at: Date }[]>`
    SELECT conversation_id, id, name, started_at FROM actions
    WHERE workspace_id = ${workspaceId}::uuid AND conversation_id = ANY(${ids}::text[]) AND name = ANY(${names}::text[])`;
}

export async function storedEvents(tx: TransactionSql, workspaceId: string, ids: string[], names: string[]) {
  return tx<{ conversation_id: string; id: string; name: string; properties: Record<string, unknown> | null; timestamp: Date }[]>`
    SELECT conversation_id, id, name, properties, timestamp FROM events
    WHERE workspace_id = ${workspaceId}::uuid AND conversation_id = ANY(${ids}::text[]) AND name = ANY(${names}::text[])`;
}
