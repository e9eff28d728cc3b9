/** Response times of messages, and the order of a conversation's messages they are measured in. */
import type { NewMessage } from '../types';

export type StoredPredecessor = { role: NewMessage['role']; createdAt: Date };

/**
 * Response times of incoming messages, assuming each conversation's incoming messages all come after its
 * stored ones (`before` holds the latest stored message); where that does not hold, the recompute
 * statement corrects the values after the insert.
 */
export function assignBatchResponseTimes(messages: NewMessage[], before: Map<string, StoredPredecessor> = new Map()): void {
  const byConversation = new Map<string, NewMessage[]>();
  for (const m of messages) {
    const list = byConversation.get(m.conversationId);
    if (list) list.push(m);
    else byConversation.set(m.conversationId, [m]);
  }
  for (const [conversationId, list] of byConversation) {
    list.sort(compareMessages);
    let prev: StoredPredecessor | undefined = before.get(conversationId);
    for (const m of list) {
      m.responseTimeMs = m.role === 'assistant' && prev?.role === 'user' ? responseTime(prev.createdAt, m.createdAt) : null;
      prev = m;
    }
  }
}

/** Conversation order: by created_at, then by id (the same order the SQL window uses). */
export function compareMessages(a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const INT32_MAX = 2_147_483_647;

export function responseTime(previous: Date, current: Date): number {
  return Math.min(current.getTime() - previous.getTime(), INT32_MAX);
}
