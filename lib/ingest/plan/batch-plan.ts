/**
 * Groups a batch's prepared items before any SQL: the conversations it touches (and the item that
 * first mentions each), and its messages, actions and events with in-batch duplicates removed.
 */
import { isEscalationTool } from '@/lib/ingest/derive';
import type { ConversationItem, PreparedItem } from '../derive/prepared-items';
import type { NewAction, NewEvent, NewMessage } from '../types';

export const messageKey = (conversationId: string, id: string) => `m|${conversationId}|${id}`;
export const actionKey = (conversationId: string, id: string) => `a|${conversationId}|${id}`;
export const eventKey = (id: string) => `e|${id}`;

export type BatchPlan = {
  /** The first item of each conversation, in input order: it decides how a new conversation starts. */
  firstItems: Map<string, ConversationItem>;
  messages: NewMessage[];
  actions: NewAction[];
  events: NewEvent[];
  /** For each message/action/event key, the index of the item that carried it first (later ones are replays). */
  firstIndex: Map<string, number>;
  /** The earliest incoming message time per conversation. */
  earliestMessage: Map<string, Date>;
};

export function planItems(prepared: PreparedItem[], escalationToolNames: string[]): BatchPlan {
  const plan: BatchPlan = { firstItems: new Map(), messages: [], actions: [], events: [], firstIndex: new Map(), earliestMessage: new Map() };
  const firstTime = (key: string, index: number) => {
    if (plan.firstIndex.has(key)) return false;
    plan.firstIndex.set(key, index);
    return true;
  };
  for (const item of prepared) {
    if (item.type === 'event') {
      if (firstTime(eventKey(item.event.id), item.index)) plan.events.push(item.event);
      continue;
    }
    if (!plan.firstItems.has(item.conversationId)) plan.firstItems.set(item.conversationId, item);
    if (item.type === 'message' && firstTime(messageKey(item.conversationId, item.message.id), item.index)) {
      plan.messages.push(item.message);
      const earliest = plan.earliestMessage.get(item.conversationId);
      if (!earliest || item.message.createdAt.getTime() < earliest.getTime()) plan.earliestMessage.set(item.conversationId, item.message.createdAt);
    }
    if (item.type === 'action') {
      item.action.isEscalation = isEscalationTool(item.action.name, escalationToolNames);
      if (firstTime(actionKey(item.conversationId, item.action.id), item.index)) plan.actions.push(item.action);
    }
  }
  return plan;
}
