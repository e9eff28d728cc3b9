/**
 * The DESIGN §7 events a batch's facts raise, computed from the conversations' states before and after it
 * and the rows it inserted (a resent item inserts nothing, so it raises nothing). They are written to the
 * outbox in the batch's own transaction.
 */
import {
  conversationEvent,
  escalationEvent,
  messageEvent,
  type ConversationEventData,
  type OutboxEvent,
} from '@/lib/webhooks/events';
import type { ConversationState, NewAction, NewMessage } from '../types';
import { conversationSentiment } from './conversation-state';

export function conversationData(s: ConversationState): ConversationEventData {
  const sentiment = conversationSentiment(s);
  return {
    id: s.id,
    avatarId: s.avatarId,
    customerId: s.customerId,
    status: s.status,
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt?.toISOString() ?? null,
    durationSec: s.status === 'ended' && s.endedAt ? Math.max(0, (s.endedAt.getTime() - s.startedAt.getTime()) / 1000) : null,
    messageCount: s.messageCount,
    escalated: s.escalated,
    sentiment: { score: sentiment?.score ?? null, label: sentiment?.label ?? null },
    feedback: s.feedback,
  };
}

type Change = { before: ConversationState | null; state: ConversationState };

/** `conversation.ended` when a conversation went from active to ended (the end call, or the idle close). */
export function endedEvents(changes: Change[]): OutboxEvent[] {
  return changes.filter((c) => c.state.status === 'ended' && c.before?.status !== 'ended').map((c) => conversationEvent('conversation.ended', conversationData(c.state)));
}

export function batchEvents(changes: Change[], newMessages: NewMessage[], newActions: NewAction[]): OutboxEvent[] {
  const byId = new Map(changes.map((c) => [c.state.id, c]));
  const events: OutboxEvent[] = [];
  // As it stands after the write that created it, but not yet ended: a write that also ends it raises
  // conversation.ended after this.
  for (const c of changes) {
    if (!c.before) events.push(conversationEvent('conversation.started', { ...conversationData(c.state), status: 'active', endedAt: null, durationSec: null }));
  }
  for (const m of newMessages) {
    const avatarId = byId.get(m.conversationId)?.state.avatarId ?? '';
    events.push(
      messageEvent({
        conversationId: m.conversationId,
        avatarId,
        message: {
          id: m.id,
          role: m.role,
          content: m.content,
          createdAt: m.createdAt.toISOString(),
          tokens: { prompt: m.promptTokens || null, completion: m.completionTokens || null },
          sentiment: { score: m.sentiment?.score ?? null, label: m.sentiment?.label ?? null },
        },
      }),
    );
  }
  for (const c of changes) {
    if (!c.state.escalated || c.before?.escalated) continue;
    const at = c.state.escalatedAt ?? c.state.endedAt ?? c.state.lastActivityAt;
    const tool = newActions.find((a) => a.conversationId === c.state.id && a.isEscalation && a.startedAt.getTime() === at.getTime());
    events.push(escalationEvent({ conversationId: c.state.id, avatarId: c.state.avatarId, reason: tool?.name ?? 'end', at: at.toISOString() }));
  }
  events.push(...endedEvents(changes));
  return events;
}
