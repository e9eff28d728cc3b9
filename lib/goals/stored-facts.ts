/**
 * The stored messages, tool calls and events of some conversations that could complete some goals, for
 * evaluating goals over what a conversation already holds: the back-fill, and live evaluation when a
 * conversation's avatar is named after its first facts arrived.
 */
import type { TransactionSql } from 'postgres';
import { storedActions, storedEvents, storedMessages } from '@/db/queries/goal-facts';
import type { ActionFact, EventFact, MessageFact } from './evaluate';
import { GOAL_COMPLETED_EVENT, type CompiledGoal } from './triggers';

export type StoredFacts = { messages: MessageFact[]; actions: ActionFact[]; events: EventFact[] };

const rolesOf = (role: 'user' | 'assistant' | 'any') => (role === 'any' ? ['user', 'assistant'] : [role]);

export async function readStoredFacts(tx: TransactionSql, workspaceId: string, ids: string[], goals: CompiledGoal[]): Promise<StoredFacts> {
  if (ids.length === 0 || goals.length === 0) return { messages: [], actions: [], events: [] };
  const roles = [...new Set(goals.flatMap((g) => (g.text ? rolesOf(g.text.role) : [])))];
  const tools = [...new Set(goals.flatMap((g) => (g.trigger.type === 'tool' ? [g.trigger.name] : [])))];
  // Every goal completes through an SDK goal.completed event naming it, too.
  const eventNames = [...new Set([GOAL_COMPLETED_EVENT, ...goals.flatMap((g) => (g.trigger.type === 'event' ? [g.trigger.name] : []))])];
  const [messages, actions, events] = await Promise.all([
    roles.length ? storedMessages(tx, workspaceId, ids, roles) : [],
    tools.length ? storedActions(tx, workspaceId, ids, tools) : [],
    storedEvents(tx, workspaceId, ids, eventNames),
  ]);
  return {
    messages: messages.map((m) => ({ conversationId: m.conversation_id, id: m.id, role: m.role, content: m.content, createdAt: m.created_at })),
    actions: actions.map((a) => ({ conversationId: a.conversation_id, id: a.id, name: a.name, startedAt: a.started_at })),
    events: events.map((e) => ({ conversationId: e.conversation_id, id: e.id, name: e.name, properties: e.properties, timestamp: e.timestamp })),
  };
}
