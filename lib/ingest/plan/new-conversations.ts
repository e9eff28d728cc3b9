/**
 * Conversations a batch mentions that do not exist yet. Nothing stored can affect them, so their final
 * state (counters, sentiment, language, ...) is computed before the inserts and written in one INSERT,
 * instead of inserting a bare row and updating it. If another transaction creates one of them first,
 * the INSERT reports it and the whole transaction is retried with it as an existing conversation.
 */
import type { PreparedItem } from '../derive/prepared-items';
import type { ItemOutcome } from '../types';
import { actionKey, messageKey, type BatchPlan } from './batch-plan';
import { initialState } from './conversation-state';
import { finishDerivedFields, runStatePass, type ConversationEntry } from './item-outcomes';

export class ConversationCreatedConcurrently extends Error {
  constructor() {
    super('A conversation was created by a concurrent request; retrying');
  }
}

export type NewConversations = { entries: Map<string, ConversationEntry>; outcomes: Map<number, ItemOutcome> };

export async function buildNewConversations(prepared: PreparedItem[], plan: BatchPlan, existing: Set<string>): Promise<NewConversations> {
  const entries = new Map<string, ConversationEntry>();
  for (const [id, item] of plan.firstItems) {
    if (!existing.has(id)) entries.set(id, { before: null, state: initialState(item), creator: item.index });
  }
  if (entries.size === 0) return { entries, outcomes: new Map() };
  const items = prepared.filter((i) => i.type !== 'event' && entries.has(i.conversationId));
  const messages = plan.messages.filter((m) => entries.has(m.conversationId));
  // Every first occurrence is new: a conversation that does not exist has no stored messages or actions.
  const outcomes = runStatePass(items, entries, {
    messages: new Set(messages.map((m) => messageKey(m.conversationId, m.id))),
    actions: new Set(plan.actions.filter((a) => entries.has(a.conversationId)).map((a) => actionKey(a.conversationId, a.id))),
    events: new Set(),
    firstIndex: plan.firstIndex,
  });
  await finishDerivedFields(entries, messages, new Map());
  return { entries, outcomes: new Map(items.map((item, k) => [item.index, outcomes[k]])) };
}
