/**
 * Rollup changes of one ingest transaction, accumulated in memory as deltas (new facts minus old facts)
 * so that replays add nothing and a conversation whose start moved leaves its old bucket exactly.
 * Message facts count in the hour of the message, conversation facts in the hour the conversation started.
 */
import type { HourlyColumn } from '@/db/rollup-columns';
import type { ConversationState, NewAction, NewMessage } from '../types';
import { conversationSentiment } from './conversation-state';

export type HourlyValues = Partial<Record<HourlyColumn, number>>;

export type HourlyRow = { bucket: Date; avatarId: string; values: HourlyValues };
export type DimensionRow = { bucket: Date; avatarId: string; dimension: string; value: string; conversations: number };
export type ToolRow = { bucket: Date; avatarId: string; toolName: string; calls: number; durationSumMs: number; durationCount: number; escalations: number };
export type CustomerRow = { day: string; avatarId: string; customerId: string };

const HOUR_MS = 3_600_000;
export const hourOf = (t: Date) => new Date(Math.floor(t.getTime() / HOUR_MS) * HOUR_MS);
export const dayOf = (t: Date) => t.toISOString().slice(0, 10);

const DIMENSIONS = ['device', 'source', 'language', 'country'] as const;

function conversationFacts(s: ConversationState): HourlyValues {
  const endedWithMessages = s.status === 'ended' && s.endedAt !== null && s.messageCount > 0;
  const sentiment = conversationSentiment(s);
  return {
    conversations: 1,
    interacted_conversations: s.interacted ? 1 : 0,
    ended_conversations: endedWithMessages ? 1 : 0,
    duration_sum_s: endedWithMessages ? (s.endedAt!.getTime() - s.startedAt.getTime()) / 1000 : 0,
    escalated_conversations: s.escalated ? 1 : 0,
    goal_conversations: s.goalReached ? 1 : 0,
    positive_conversations: sentiment?.label === 'positive' ? 1 : 0,
    neutral_conversations: sentiment?.label === 'neutral' ? 1 : 0,
    negative_conversations: sentiment?.label === 'negative' ? 1 : 0,
    sentiment_score_sum: sentiment?.score ?? 0,
    feedback_positive: s.feedback === 'positive' ? 1 : 0,
    feedback_negative: s.feedback === 'negative' ? 1 : 0,
    rating_sum: s.feedbackRating ?? 0,
    rating_count: s.feedbackRating === null ? 0 : 1,
  };
}

const customerKey = (s: ConversationState | null): CustomerRow | null =>
  s?.customerId ? { day: dayOf(s.startedAt), avatarId: s.avatarId, customerId: s.customerId } : null;

export class RollupDeltas {
  private hourly = new Map<string, HourlyRow>();
  private dimensions = new Map<string, DimensionRow>();
  private tools = new Map<string, ToolRow>();
  private customers = new Map<string, CustomerRow>();
  /** Customer-day rows a conversation left; deleted unless another conversation still holds them. */
  private leftCustomers = new Map<string, CustomerRow>();

  addHourly(at: Date, avatarId: string, values: HourlyValues, sign = 1): void {
    const bucket = hourOf(at);
    const key = `${bucket.getTime()}|${avatarId}`;
    let row = this.hourly.get(key);
    if (!row) this.hourly.set(key, (row = { bucket, avatarId, values: {} }));
    for (const [column, value] of Object.entries(values) as [HourlyColumn, number][]) {
      if (value) row.values[column] = (row.values[column] ?? 0) + sign * value;
    }
  }

  private addDimensions(s: ConversationState, sign: number): void {
    const bucket = hourOf(s.startedAt);
    for (const dimension of DIMENSIONS) {
      const value = s[dimension];
      if (value === null || value === '') continue;
      const key = `${dimension}|${bucket.getTime()}|${s.avatarId}|${value}`;
      const row = this.dimensions.get(key);
      if (row) row.conversations += sign;
      else this.dimensions.set(key, { bucket, avatarId: s.avatarId, dimension, value, conversations: sign });
    }
  }

  /** A conversation went from `before` (null: it did not exist) to `after`. */
  changeConversation(before: ConversationState | null, after: ConversationState): void {
    if (before) {
      this.addHourly(before.startedAt, before.avatarId, conversationFacts(before), -1);
      this.addDimensions(before, -1);
    }
    this.addHourly(after.startedAt, after.avatarId, conversationFacts(after), 1);
    this.addDimensions(after, 1);
    const [was, is] = [customerKey(before), customerKey(after)];
    const sameKey = was && is && was.day === is.day && was.avatarId === is.avatarId && was.customerId === is.customerId;
    if (is && !sameKey) this.customers.set(`${is.day}|${is.avatarId}|${is.customerId}`, is);
    if (was && !sameKey) this.leftCustomers.set(`${was.day}|${was.avatarId}|${was.customerId}`, was);
  }

  addMessage(m: NewMessage, avatarId: string): void {
    this.addHourly(m.createdAt, avatarId, {
      messages: 1,
      user_messages: m.role === 'user' ? 1 : 0,
      assistant_messages: m.role === 'assistant' ? 1 : 0,
      system_messages: m.role === 'system' ? 1 : 0,
      prompt_tokens: m.promptTokens,
      completion_tokens: m.completionTokens,
      response_time_sum_ms: m.responseTimeMs ?? 0,
      response_time_count: m.responseTimeMs === null ? 0 : 1,
    });
  }

  /** A stored message's response time changed (a message was inserted before it). */
  changeResponseTime(createdAt: Date, avatarId: string, before: number | null, after: number | null): void {
    this.addHourly(createdAt, avatarId, {
      response_time_sum_ms: (after ?? 0) - (before ?? 0),
      response_time_count: (after === null ? 0 : 1) - (before === null ? 0 : 1),
    });
  }

  addTool(row: Omit<ToolRow, 'bucket'> & { at: Date }, sign = 1): void {
    const bucket = hourOf(row.at);
    const key = `${bucket.getTime()}|${row.avatarId}|${row.toolName}`;
    const current = this.tools.get(key) ?? { bucket, avatarId: row.avatarId, toolName: row.toolName, calls: 0, durationSumMs: 0, durationCount: 0, escalations: 0 };
    current.calls += sign * row.calls;
    current.durationSumMs += sign * row.durationSumMs;
    current.durationCount += sign * row.durationCount;
    current.escalations += sign * row.escalations;
    this.tools.set(key, current);
  }

  addAction(a: NewAction, avatarId: string): void {
    this.addTool({
      at: a.startedAt,
      avatarId,
      toolName: a.name,
      calls: 1,
      durationSumMs: a.durationMs ?? 0,
      durationCount: a.durationMs === null ? 0 : 1,
      escalations: a.isEscalation ? 1 : 0,
    });
  }

  hourlyRows(): HourlyRow[] {
    return [...this.hourly.values()].filter((r) => Object.values(r.values).some((v) => v !== 0));
  }

  dimensionRows(): DimensionRow[] {
    return [...this.dimensions.values()].filter((r) => r.conversations !== 0);
  }

  toolRows(): ToolRow[] {
    return [...this.tools.values()].filter((r) => r.calls || r.durationSumMs || r.durationCount || r.escalations);
  }

  customerRows(): CustomerRow[] {
    return [...this.customers.values()];
  }

  leftCustomerRows(): CustomerRow[] {
    return [...this.leftCustomers.entries()].filter(([key]) => !this.customers.has(key)).map(([, row]) => row);
  }
}
