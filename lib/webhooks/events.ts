/**
 * The events Confab sends to webhooks (DESIGN §7): their types, their `{ id, type, createdAt, data }` envelope,
 * and sample data for the test call. Facts write them to the outbox in their own transaction
 * (db/queries/outbox.ts); nothing here touches the database.
 */
import { randomBytes } from 'node:crypto';

/** What an endpoint can subscribe to. */
export const EVENT_TYPES = [
  'conversation.started',
  'message.created',
  'conversation.ended',
  'conversation.escalated',
  'goal.completed',
  'alert.triggered',
  'alert.resolved',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** What the test call may send: any subscribable type, or `webhook.test` (only ever sent by it). */
export const TEST_EVENT_TYPES = [...EVENT_TYPES, 'webhook.test'] as const;
export type TestEventType = (typeof TEST_EVENT_TYPES)[number];

export const EVENT_DESCRIPTIONS: Record<TestEventType, string> = {
  'conversation.started': 'A conversation was created (its first message, action, end or get-or-create). `data.conversation` is as the creating write left it, not yet ended (a write that also ends it sends conversation.ended next).',
  'message.created': 'A new message was stored (not a resent one).',
  'conversation.ended': 'A conversation ended: the end call, or closed after its inactivity timeout.',
  'conversation.escalated': 'A conversation was first handed to a human (an escalation tool, or the end call).',
  'goal.completed': 'A goal was first completed in a conversation, as data arrived.',
  'alert.triggered': 'An alert rule’s condition became true.',
  'alert.resolved': 'An alert rule’s condition stopped being true.',
  'webhook.test': 'A sample event, sent only by the “send test” call.',
};

export const newEventId = () => `evt_${randomBytes(12).toString('base64url')}`;

export type WebhookEvent = { id: string; type: TestEventType; createdAt: string; data: Record<string, unknown> };

/** What a fact hands the outbox: the conversation it concerns (for erasure) and the event's data. */
export type OutboxEvent = { type: EventType; conversationId: string | null; data: Record<string, unknown> };

/** `data.conversation` of conversation.started / conversation.ended. */
export type ConversationEventData = {
  id: string;
  avatarId: string;
  customerId: string | null;
  status: 'active' | 'ended';
  startedAt: string;
  endedAt: string | null;
  durationSec: number | null;
  messageCount: number;
  escalated: boolean;
  sentiment: { score: number | null; label: 'positive' | 'neutral' | 'negative' | null };
  feedback: string | null;
};

export const conversationEvent = (type: 'conversation.started' | 'conversation.ended', conversation: ConversationEventData): OutboxEvent => ({
  type,
  conversationId: conversation.id,
  data: { conversation },
});

export type MessageEventData = {
  conversationId: string;
  avatarId: string;
  message: {
    id: string;
    role: string;
    content: string;
    createdAt: string;
    tokens: { prompt: number | null; completion: number | null };
    sentiment: { score: number | null; label: 'positive' | 'neutral' | 'negative' | null };
  };
};

export const messageEvent = (data: MessageEventData): OutboxEvent => ({ type: 'message.created', conversationId: data.conversationId, data });

export const escalationEvent = (data: { conversationId: string; avatarId: string; reason: string; at: string }): OutboxEvent => ({
  type: 'conversation.escalated',
  conversationId: data.conversationId,
  data,
});

export const goalCompletedEvent = (data: { goalId: string; goalName: string; conversationId: string; avatarId: string; completedAt: string }): OutboxEvent => ({
  type: 'goal.completed',
  conversationId: data.conversationId,
  data,
});

const sampleConversation: ConversationEventData = {
  id: 'conv_sample_1',
  avatarId: 'support-bot',
  customerId: 'cus_sample',
  status: 'active',
  startedAt: '2025-05-01T12:00:00.000Z',
  endedAt: null,
  durationSec: null,
  messageCount: 1,
  escalated: false,
  sentiment: { score: null, label: null },
  feedback: null,
};

/** The `data` of each type as the test call sends it (and the OpenAPI document shows it). */
export function sampleData(type: TestEventType, webhookId: string, now = new Date()): Record<string, unknown> {
  const at = now.toISOString();
  switch (type) {
    case 'conversation.started':
      return { conversation: { ...sampleConversation, startedAt: at } };
    case 'conversation.ended':
      return {
        conversation: { ...sampleConversation, status: 'ended', startedAt: new Date(now.getTime() - 272_000).toISOString(), endedAt: at, durationSec: 272, messageCount: 6, sentiment: { score: 0.42, label: 'positive' }, feedback: 'positive' },
      };
    case 'message.created':
      return {
        conversationId: sampleConversation.id,
        avatarId: sampleConversation.avatarId,
        message: { id: 'msg_sample_1', role: 'user', content: 'Hi! Where is my order #4417?', createdAt: at, tokens: { prompt: null, completion: null }, sentiment: { score: 0, label: 'neutral' } },
      };
    case 'conversation.escalated':
      return { conversationId: sampleConversation.id, avatarId: sampleConversation.avatarId, reason: 'handoff_to_human', at };
    case 'goal.completed':
      return { goalId: 'goal_sample', goalName: 'Lead captured', conversationId: sampleConversation.id, avatarId: sampleConversation.avatarId, completedAt: at };
    case 'alert.triggered':
    case 'alert.resolved':
      return {
        alertId: 'alr_sample',
        name: 'Escalation rate above 20 %',
        metric: 'escalation_rate',
        avatarId: null,
        op: 'above',
        compare: 'value',
        value: type === 'alert.triggered' ? 0.27 : 0.12,
        threshold: 0.2,
        window: '1h',
        at,
        url: 'https://confab.example.com/alerts/alr_sample',
      };
    case 'webhook.test':
      return { webhookId, message: 'This is a test event from Confab. Respond with any 2xx to acknowledge it.' };
  }
}
