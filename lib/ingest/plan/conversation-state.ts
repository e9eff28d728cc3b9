/**
 * How each write changes a conversation, as pure functions over its in-memory state. The SQL locks the
 * rows, these functions compute the new state item by item, and one statement writes it back.
 */
import { labelSentiment, parseFeedback } from '@/lib/ingest/derive';
import { UNKNOWN_AVATAR, type ConversationItem } from '../derive/prepared-items';
import type { EndBody } from '../parse/schemas';
import type { ConversationSentiment, ConversationState, NewAction, NewMessage } from '../types';

const FIRST_MESSAGE_PREVIEW_CHARS = 500;

const minDate = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
const maxDate = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

export function previewText(content: string): string {
  return content.length > FIRST_MESSAGE_PREVIEW_CHARS ? content.slice(0, FIRST_MESSAGE_PREVIEW_CHARS) : content;
}

/** Feedback from a value as sent, or null when it says nothing usable. */
function feedbackFrom(value: unknown): { feedback: string | null; rating: number | null } | null {
  if (value === undefined || value === null) return null;
  const parsed = parseFeedback(value);
  if (parsed.feedback === null && parsed.rating === null) return null;
  return { feedback: parsed.feedback, rating: parsed.rating === null ? null : Math.round(parsed.rating) };
}

/** The row a conversation starts as when `item` is the first thing heard of it. */
export function initialState(item: ConversationItem): ConversationState {
  const base: ConversationState = {
    id: item.conversationId,
    avatarId: UNKNOWN_AVATAR,
    customerId: null,
    country: null,
    device: null,
    source: null,
    language: null,
    languageDetected: false,
    metadata: null,
    feedback: null,
    feedbackRating: null,
    status: 'active',
    endReason: null,
    initializedAt: null,
    interacted: item.type !== 'conversation.initialize' && item.type !== 'conversation.end',
    startedAt: item.at,
    startedAtExplicit: false,
    endedAt: null,
    lastActivityAt: item.at,
    messageCount: 0,
    userMessageCount: 0,
    assistantMessageCount: 0,
    systemMessageCount: 0,
    promptTokens: 0,
    completionTokens: 0,
    actionCount: 0,
    escalated: false,
    escalatedAt: null,
    goalReached: false,
    sentimentSum: 0,
    sentimentCount: 0,
    firstUserMessage: null,
  };
  // Last activity is the latest message or action time: a conversation first heard of through an
  // older message has not been active since the moment that message was received.
  if (item.type === 'message') return { ...base, avatarId: item.avatarId ?? UNKNOWN_AVATAR, lastActivityAt: item.message.createdAt };
  if (item.type === 'action') return { ...base, avatarId: item.avatarId ?? UNKNOWN_AVATAR, lastActivityAt: item.action.startedAt };
  if (item.type === 'conversation.end') return { ...base, avatarId: item.avatarId ?? UNKNOWN_AVATAR };
  const b = item.body;
  const feedback = feedbackFrom(b.metadata?.feedback);
  return {
    ...base,
    avatarId: b.avatarId,
    customerId: b.customerId ?? null,
    country: item.attributes.country,
    device: item.attributes.device,
    source: b.source ?? null,
    language: b.language ?? null,
    metadata: b.metadata ?? null,
    feedback: feedback?.feedback ?? null,
    feedbackRating: feedback?.rating ?? null,
    initializedAt: item.type === 'conversation.initialize' ? item.at : null,
    startedAt: b.startedAt ?? item.at,
    startedAtExplicit: Boolean(b.startedAt),
    lastActivityAt: b.startedAt ?? item.at,
  };
}

/**
 * A get-or-create on an existing conversation: it now counts as interacted, and fills what is still
 * unknown (attributes, metadata keys, an avatar for a conversation first heard of through a message)
 * without overwriting anything already stored.
 */
export function touchByGetOrCreate(s: ConversationState, item: Extract<ConversationItem, { type: 'conversation' }>): void {
  const b = item.body;
  s.interacted = true;
  if (s.avatarId === UNKNOWN_AVATAR) s.avatarId = b.avatarId;
  s.customerId ??= b.customerId ?? null;
  s.country ??= item.attributes.country;
  s.device ??= item.attributes.device;
  s.source ??= b.source ?? null;
  if (b.language && (s.language === null || s.languageDetected)) {
    s.language = b.language;
    s.languageDetected = false;
  }
  if (b.metadata) s.metadata = { ...b.metadata, ...s.metadata };
  if (s.feedback === null && s.feedbackRating === null) {
    const feedback = feedbackFrom(b.metadata?.feedback);
    if (feedback) [s.feedback, s.feedbackRating] = [feedback.feedback, feedback.rating];
  }
}

/** Activity after an idle close resumes the conversation; late activity from before the close does not. */
function resumeIfIdleClosed(s: ConversationState, at: Date): void {
  if (s.status === 'ended' && s.endReason === 'inactivity' && s.endedAt && at.getTime() > s.endedAt.getTime()) {
    s.status = 'active';
    s.endReason = null;
    s.endedAt = null;
  }
}

export function applyMessage(s: ConversationState, m: NewMessage): void {
  resumeIfIdleClosed(s, m.createdAt);
  s.interacted = true;
  s.messageCount += 1;
  if (m.role === 'user') s.userMessageCount += 1;
  else if (m.role === 'assistant') s.assistantMessageCount += 1;
  else s.systemMessageCount += 1;
  s.promptTokens += m.promptTokens;
  s.completionTokens += m.completionTokens;
  if (!s.startedAtExplicit) s.startedAt = minDate(s.startedAt, m.createdAt);
  s.lastActivityAt = maxDate(s.lastActivityAt, m.createdAt);
  if (m.sentiment) {
    s.sentimentSum += m.sentiment.score;
    s.sentimentCount += 1;
  }
}

export function applyAction(s: ConversationState, a: NewAction): void {
  resumeIfIdleClosed(s, a.startedAt);
  s.interacted = true;
  s.actionCount += 1;
  s.lastActivityAt = maxDate(s.lastActivityAt, a.startedAt);
  if (a.isEscalation) {
    s.escalated = true;
    s.escalatedAt = s.escalatedAt ? minDate(s.escalatedAt, a.startedAt) : a.startedAt;
  }
}

/**
 * The end call. Ending a conversation the client already ended is a no-op; ending one that was closed
 * for inactivity records the client's feedback and escalation, keeping the idle end time unless given.
 */
export function applyEnd(s: ConversationState, body: EndBody, at: Date): void {
  if (s.status === 'ended' && s.endReason !== 'inactivity') return;
  const endedAt = body.endedAt ?? (s.status === 'ended' && s.endedAt ? s.endedAt : at);
  s.endedAt = maxDate(endedAt, s.startedAt);
  s.status = 'ended';
  s.endReason = 'client';
  const feedback = feedbackFrom(body.feedback ?? body.metadata?.feedback);
  if (feedback) [s.feedback, s.feedbackRating] = [feedback.feedback, feedback.rating];
  if (body.escalated) {
    s.escalated = true;
    s.escalatedAt ??= s.endedAt;
  }
  if (body.metadata) s.metadata = { ...s.metadata, ...body.metadata };
}

export function conversationSentiment(s: Pick<ConversationState, 'sentimentSum' | 'sentimentCount'>): ConversationSentiment {
  if (s.sentimentCount === 0) return null;
  const score = s.sentimentSum / s.sentimentCount;
  return { score, label: labelSentiment(score) };
}

/** Keeps ended_at from preceding started_at after started_at moved. */
export function settleTimes(s: ConversationState): void {
  if (s.endedAt) s.endedAt = maxDate(s.endedAt, s.startedAt);
  s.lastActivityAt = maxDate(s.lastActivityAt, s.startedAt);
}
