/** The public JSON shapes of stored ingest objects, as the /v1 write endpoints return them. */
import type { Conversation } from '@/db/schema';
import { conversationSentiment } from './plan/conversation-state';
import type { ConversationState } from './types';

// Scores are stored as float4; VADER gives four decimals, so that is what the API shows.
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

function sentimentOf(c: { sentimentSum: number; sentimentCount: number }) {
  const s = conversationSentiment(c);
  return s && { score: round4(s.score), label: s.label };
}

type ConversationLike = ConversationState | Omit<Conversation, 'workspaceId' | 'createdAt' | 'updatedAt' | 'sentimentScore' | 'sentimentLabel'>;

export function publicConversation(c: ConversationLike) {
  return {
    id: c.id,
    avatarId: c.avatarId,
    customerId: c.customerId,
    status: c.status,
    interacted: c.interacted,
    initializedAt: c.initializedAt,
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    endReason: c.endReason,
    lastActivityAt: c.lastActivityAt,
    country: c.country,
    device: c.device,
    source: c.source,
    language: c.language,
    metadata: c.metadata,
    feedback: c.feedback,
    feedbackRating: c.feedbackRating,
    escalated: c.escalated,
    escalatedAt: c.escalatedAt,
    goalReached: c.goalReached,
    messageCount: c.messageCount,
    userMessageCount: c.userMessageCount,
    assistantMessageCount: c.assistantMessageCount,
    systemMessageCount: c.systemMessageCount,
    actionCount: c.actionCount,
    tokens: { prompt: Number(c.promptTokens), completion: Number(c.completionTokens) },
    sentiment: sentimentOf(c),
  };
}
export type PublicConversation = ReturnType<typeof publicConversation>;

export function publicMessage(m: {
  id: string;
  conversationId: string;
  role: string;
  createdAt: Date;
  responseTimeMs: number | null;
  sentimentScore: number | null;
  sentimentLabel: string | null;
}) {
  return {
    id: m.id,
    conversationId: m.conversationId,
    role: m.role,
    createdAt: m.createdAt,
    responseTimeMs: m.responseTimeMs,
    sentiment: m.sentimentScore === null || m.sentimentLabel === null ? null : { score: round4(m.sentimentScore), label: m.sentimentLabel },
  };
}
export type PublicMessage = ReturnType<typeof publicMessage>;
