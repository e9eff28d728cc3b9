/** Request examples of the ingest endpoints; the test parses each with the endpoint's zod schema. */
import type { Example } from './types';

const conversation = {
  id: 'conv_8f2b1c9e',
  avatarId: 'support-bot',
  customerId: 'cus_1042',
  customerIpAddress: '203.0.113.24',
  device: 'mobile',
  source: 'whatsapp',
  language: 'en',
  metadata: { plan: 'pro', campaign: 'spring-sale', feedback: 'positive' },
};

export const conversationExamples: Record<string, Example> = {
  getOrCreate: { summary: 'A conversation with the context the dashboard breaks down by', value: conversation },
  minimal: { summary: 'Only the required fields', value: { id: 'conv_8f2b1c9e', avatarId: 'support-bot' } },
};

export const initializeExamples: Record<string, Example> = {
  widgetOpened: {
    summary: 'The widget opened; the user has not written yet',
    value: { id: 'conv_8f2b1c9e', avatarId: 'support-bot', customerId: 'cus_1042', device: 'desktop', source: 'web', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15' },
  },
};

export const messageExamples: Record<string, Example> = {
  single: {
    summary: 'One message',
    value: { id: 'msg_0001', role: 'user', content: 'Hi! Where is my order #4417?', createdAt: '2025-05-01T12:00:03Z' },
  },
  list: {
    summary: 'Several messages at once',
    value: {
      messages: [
        { id: 'msg_0001', role: 'user', content: 'Hi! Where is my order #4417?', createdAt: '2025-05-01T12:00:03Z' },
        {
          id: 'msg_0002',
          role: 'assistant',
          content: 'It left our warehouse yesterday and should arrive on Friday.',
          createdAt: '2025-05-01T12:00:05Z',
          tokens: { prompt: 412, completion: 38 },
        },
      ],
    },
  },
};

export const actionExamples: Record<string, Example> = {
  toolCall: {
    summary: 'A tool call with its arguments and result',
    value: {
      id: 'act_0001',
      name: 'lookup_order',
      startedAt: '2025-05-01T12:00:04Z',
      durationMs: 840,
      status: 'success',
      input: { orderId: '4417' },
      output: { status: 'shipped', eta: '2025-05-03' },
    },
  },
  escalation: { summary: 'A hand-off to a human (counts as an escalation)', value: { id: 'act_0002', name: 'fallback_to_human', status: 'success' } },
};

export const endExamples: Record<string, Example> = {
  withFeedback: { summary: 'Ended with a rating', value: { endedAt: '2025-05-01T12:04:30Z', feedback: { rating: 5, value: 'positive' } } },
  escalated: { summary: 'Handed to a human outside a tool call', value: { escalated: true, metadata: { ticketId: 'T-2291' } } },
};

export const eventExamples: Record<string, Example> = {
  track: {
    summary: 'analytics.track from the widget',
    value: {
      id: 'evt_0001',
      name: 'avatar_message',
      conversationId: 'conv_8f2b1c9e',
      avatarId: 'support-bot',
      properties: { role: 'user', length: 28 },
      timestamp: '2025-05-01T12:00:03Z',
    },
  },
};

export const batchExamples: Record<string, Example> = {
  conversation: {
    summary: 'A whole conversation in one request',
    value: {
      batch: [
        { id: 'b_001', type: 'conversation', timestamp: '2025-05-01T12:00:00Z', body: conversation },
        { id: 'b_002', type: 'message', body: { conversationId: 'conv_8f2b1c9e', role: 'user', content: 'Hi! Where is my order #4417?' } },
        { id: 'b_003', type: 'action', body: { conversationId: 'conv_8f2b1c9e', name: 'lookup_order', durationMs: 840 } },
        { id: 'b_004', type: 'message', body: { conversationId: 'conv_8f2b1c9e', role: 'assistant', content: 'It arrives on Friday.', tokens: { prompt: 412, completion: 38 } } },
        { id: 'b_005', type: 'event', body: { name: 'order_status_viewed', conversationId: 'conv_8f2b1c9e' } },
        { id: 'b_006', type: 'conversation.end', body: { conversationId: 'conv_8f2b1c9e', feedback: 'thumbs_up' } },
      ],
    },
  },
};

export const batchResultExample = {
  results: [
    { id: 'b_001', status: 201 },
    { id: 'b_002', status: 201 },
    { id: 'b_003', status: 200 },
    { id: 'b_004', status: 422, error: { code: 'validation_error', message: 'Invalid batch item', details: [{ path: 'body.role', message: 'Must be one of user, assistant, system' }] } },
  ],
};
