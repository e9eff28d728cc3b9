/** Pins the hand-written response schemas to the shapes the code really answers with. */
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type { findActionById, findEventById } from '@/db/queries/ingest-reads';
import type { SentimentResult } from '@/lib/analytics/sentiment';
import type { Breakdown, Escalations, OverviewMetrics, PeakHours, TimeSeries, ToolUsage } from '@/lib/analytics/types';
import type { BatchItemResult } from '@/lib/ingest/batch';
import { publicConversation, publicMessage, type PublicConversation, type PublicMessage } from '@/lib/ingest/public-shapes';
import type { ConversationState } from '@/lib/ingest/types';
import type { ConversationPage } from '@/lib/transcripts/list';
import type { Transcript } from '@/lib/transcripts/transcript';
import * as r from './responses';
import * as t from './transcript-responses';

/** What JSON.stringify makes of a value: dates become strings. */
type Jsonify<T> = T extends Date ? string : T extends (infer U)[] ? Jsonify<U>[] : T extends object ? { [K in keyof T]: Jsonify<T[K]> } : T;
type Out<S extends z.ZodType> = z.output<S>;
const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('analytics answers equal lib/analytics/types.ts', () => {
  test('field for field (checked by tsc)', () => {
    expectTypeOf<Out<typeof r.overviewSchema>>().toEqualTypeOf<OverviewMetrics>();
    expectTypeOf<Out<typeof r.timeSeriesSchema>>().toEqualTypeOf<TimeSeries>();
    expectTypeOf<Out<typeof r.peakHoursSchema>>().toEqualTypeOf<PeakHours>();
    expectTypeOf<Out<typeof r.breakdownSchema>>().toEqualTypeOf<Breakdown>();
    expectTypeOf<Out<typeof r.toolUsageSchema>>().toEqualTypeOf<ToolUsage>();
    expectTypeOf<Out<typeof r.escalationsSchema>>().toEqualTypeOf<Escalations>();
    // Its per-avatar and per-source rows carry a `share` the type leaves out; the live test checks them.
    expectTypeOf<Out<typeof r.sentimentSummarySchema>>().toExtend<SentimentResult>();
    expectTypeOf<keyof Out<typeof r.sentimentSummarySchema>>().toEqualTypeOf<keyof SentimentResult>();
  });
});

test('transcript answers equal lib/transcripts’ types (checked by tsc)', () => {
  type Documented = Out<typeof t.transcriptSchema>;
  // Tool input/output are any JSON: `unknown` in the schema, `{} | null` in the code.
  type ActionOf<T extends { actions: object[] }> = Omit<T['actions'][number], 'input' | 'output'>;
  expectTypeOf<Omit<Documented, 'actions'>>().toEqualTypeOf<Omit<Transcript, 'actions'>>();
  expectTypeOf<ActionOf<Documented>>().toEqualTypeOf<ActionOf<Transcript>>();
  expectTypeOf<keyof Documented['actions'][number]>().toEqualTypeOf<keyof Transcript['actions'][number]>();
  expectTypeOf<Out<typeof t.conversationPageSchema>>().toEqualTypeOf<ConversationPage>();
});

describe('ingest answers', () => {
  test('have the same keys as the code’s public shapes, with narrower or equal types', () => {
    expectTypeOf<keyof Out<typeof r.conversationSchema>>().toEqualTypeOf<keyof PublicConversation>();
    expectTypeOf<Out<typeof r.conversationSchema>>().toExtend<Jsonify<PublicConversation>>();
    expectTypeOf<keyof Out<typeof r.messageSchema>>().toEqualTypeOf<keyof PublicMessage>();
    expectTypeOf<Out<typeof r.messageSchema>>().toExtend<Jsonify<PublicMessage>>();
    type StoredAction = NonNullable<Awaited<ReturnType<typeof findActionById>>>;
    type StoredEvent = NonNullable<Awaited<ReturnType<typeof findEventById>>>;
    expectTypeOf<Out<typeof r.actionSchema>>().toEqualTypeOf<Jsonify<StoredAction>>();
    expectTypeOf<Out<typeof r.eventSchema>>().toEqualTypeOf<Jsonify<StoredEvent>>();
    expectTypeOf<Out<typeof r.batchResultSchema>['results'][number]>().toExtend<BatchItemResult>();
  });

  const state: ConversationState = {
    id: 'conv_1',
    avatarId: 'support-bot',
    customerId: 'cus_1',
    country: 'DE',
    device: 'mobile',
    source: 'web',
    language: 'de',
    languageDetected: false,
    metadata: { plan: 'pro' },
    feedback: 'positive',
    feedbackRating: 5,
    status: 'ended',
    endReason: 'client',
    initializedAt: new Date('2025-05-01T11:59:00Z'),
    interacted: true,
    startedAt: new Date('2025-05-01T12:00:00Z'),
    startedAtExplicit: true,
    endedAt: new Date('2025-05-01T12:04:30Z'),
    lastActivityAt: new Date('2025-05-01T12:04:30Z'),
    messageCount: 3,
    userMessageCount: 2,
    assistantMessageCount: 1,
    systemMessageCount: 0,
    promptTokens: 412,
    completionTokens: 38,
    actionCount: 1,
    escalated: false,
    escalatedAt: null,
    goalReached: true,
    sentimentSum: 0.9,
    sentimentCount: 2,
    firstUserMessage: 'Hi',
  };

  test('a conversation as the API answers it passes the documented schema, with no extra keys', () => {
    expect(r.conversationSchema.strict().safeParse(roundTrip(publicConversation(state))).error).toBeUndefined();
    const fresh = { ...state, sentimentSum: 0, sentimentCount: 0, feedback: null, feedbackRating: null, endedAt: null, status: 'active' as const };
    expect(r.conversationSchema.strict().safeParse(roundTrip(publicConversation(fresh))).error).toBeUndefined();
  });

  test('a message as the API answers it passes the documented schema', () => {
    const message = publicMessage({ id: 'msg_1', conversationId: 'conv_1', role: 'user', createdAt: new Date(), responseTimeMs: null, sentimentScore: 0.4404, sentimentLabel: 'positive' });
    expect(r.messageSchema.strict().safeParse(roundTrip(message)).error).toBeUndefined();
    expect(r.messageResponseSchema.safeParse({ messages: [roundTrip(message)] }).success).toBe(true);
  });
});
