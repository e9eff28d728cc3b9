/** The shapes the ingest pipeline passes between validation, the in-memory state pass and SQL. */
import type { QuotaRefusal } from '@/lib/billing/quota';
import type { Sentiment, SentimentLabel } from '@/lib/ingest/derive';
import type { ActionBody, ConversationBody, EndBody, EventBody, MessageBody } from './parse/schemas';

/**
 * One validated write. `at` is the item's default time (receive time, or a batch item's `timestamp`);
 * `key` is a batch item id, used as the message/action/event id when the body has none.
 */
export type IngestItem = { at?: Date | null; key?: string | null } & (
  | { type: 'conversation'; body: ConversationBody }
  | { type: 'conversation.initialize'; body: ConversationBody }
  | { type: 'message'; conversationId: string; body: MessageBody }
  | { type: 'action'; conversationId: string; body: ActionBody }
  | { type: 'conversation.end'; conversationId: string; body: EndBody }
  | { type: 'event'; body: EventBody }
);

export type ItemOutcome = {
  /**
   * 201 when the item created its object, 200 when it was already there (or updated an existing one), 429
   * when it would start a conversation past the plan's quota (lib/billing/quota.ts; nothing was written).
   */
  status: 200 | 201 | 429;
  refusal?: QuotaRefusal;
  conversationId?: string;
  /** The id of the stored message, action or event. */
  objectId?: string;
};

export type NewMessage = {
  conversationId: string;
  id: string;
  role: 'user' | 'assistant' | 'system';
  content: string;
  createdAt: Date;
  promptTokens: number;
  completionTokens: number;
  responseTimeMs: number | null;
  sentiment: Sentiment | null;
  metadata: Record<string, unknown> | null;
};

export type NewAction = {
  conversationId: string;
  id: string;
  name: string;
  startedAt: Date;
  durationMs: number | null;
  status: string | null;
  input: unknown;
  output: unknown;
  isEscalation: boolean;
};

export type NewEvent = {
  id: string;
  name: string;
  conversationId: string | null;
  avatarId: string | null;
  properties: Record<string, unknown> | null;
  timestamp: Date;
};

/** A conversation row as the ingest pipeline reads and writes it. */
export type ConversationState = {
  id: string;
  avatarId: string;
  customerId: string | null;
  country: string | null;
  device: 'desktop' | 'tablet' | 'mobile' | null;
  source: string | null;
  language: string | null;
  languageDetected: boolean;
  metadata: Record<string, unknown> | null;
  feedback: string | null;
  feedbackRating: number | null;
  status: 'active' | 'ended';
  endReason: 'client' | 'inactivity' | null;
  initializedAt: Date | null;
  interacted: boolean;
  startedAt: Date;
  startedAtExplicit: boolean;
  endedAt: Date | null;
  lastActivityAt: Date;
  messageCount: number;
  userMessageCount: number;
  assistantMessageCount: number;
  systemMessageCount: number;
  promptTokens: number;
  completionTokens: number;
  actionCount: number;
  escalated: boolean;
  escalatedAt: Date | null;
  goalReached: boolean;
  sentimentSum: number;
  sentimentCount: number;
  firstUserMessage: string | null;
};

export type ConversationSentiment = { score: number; label: SentimentLabel } | null;

export type ApplyOptions = {
  /** The time the request arrived: the default for items without their own time. */
  receivedAt?: Date;
  /**
   * Record each item's `key` and status in idempotency_keys (batch item ids), in the same transaction; items
   * that are their own record (`isOwnRecord`) need none.
   */
  recordKeys?: boolean;
};

export type ApplyResult = { outcomes: ItemOutcome[]; conversations: Map<string, ConversationState> };
