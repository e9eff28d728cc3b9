/** The ingestion endpoints (DESIGN §4, scope `ingest`), one registry entry each. */
import { conversationParamsSchema } from '@/lib/ingest/parse/schemas';
import * as examples from '../examples';
import type { Endpoint, ErrorStatus } from '../types';

const writeErrors: ErrorStatus[] = [400, 401, 403, 413, 422, 429];
const conversationPath = { pathParams: conversationParamsSchema, paramDocs: { id: { description: 'Your conversation id, as sent to get-or-create.', example: 'conv_8f2b1c9e' } } };
const createdOrExisting = (what: string, schema: 'Conversation' | 'Action' | 'Event') => ({
  201: { description: `Created: the ${what} is new.`, schema },
  200: { description: `Already there: the ${what} as stored (a resend is a no-op).`, schema },
});

export const ingestEndpoints: Endpoint[] = [
  {
    method: 'post',
    path: '/v1/conversations',
    operationId: 'getOrCreateConversation',
    tag: 'Conversations',
    summary: 'Get or create a conversation',
    description:
      'Creates the conversation, or returns it when the `id` is already known — so it is safe to call on every turn. The call counts the conversation as a unique interaction. Pass `customerIpAddress`, `device`, `source`, `language` and `customerId` to fill the world map, device, source, language and unique-user breakdowns; `metadata.feedback` is read as feedback.',
    scope: 'ingest',
    body: { schema: 'ConversationBody', examples: examples.conversationExamples },
    responses: {
      201: { description: 'Created: a new conversation.', schema: 'Conversation' },
      200: { description: 'Existing: the conversation as stored, now counted as interacted.', schema: 'Conversation' },
    },
    errors: writeErrors,
  },
  {
    method: 'post',
    path: '/v1/conversations/initialize',
    operationId: 'initializeConversation',
    tag: 'Conversations',
    summary: 'Initialize a conversation',
    description:
      'Starts a conversation that the user has not interacted with yet (e.g. the widget opened). It counts as a conversation but not as a unique interaction until a get-or-create, message or action follows with the same `id`. Calling it for an existing conversation changes nothing.',
    scope: 'ingest',
    body: { schema: 'ConversationBody', examples: examples.initializeExamples },
    responses: {
      201: { description: 'Created: a new, not yet interacted conversation.', schema: 'Conversation' },
      200: { description: 'Already there: the conversation, unchanged.', schema: 'Conversation' },
    },
    errors: writeErrors,
  },
  {
    method: 'post',
    path: '/v1/conversations/{id}/messages',
    operationId: 'addMessages',
    tag: 'Messages and actions',
    summary: 'Add messages',
    description:
      'Adds one message, or up to 1,000 as `{ "messages": [...] }`. User messages are scored for sentiment; an assistant message that follows a user message gets its response time. A conversation Confab has not heard of yet is created (for `avatarId` if given). Message ids make resends no-ops.',
    scope: 'ingest',
    ...conversationPath,
    body: { schema: 'MessageRequest', examples: examples.messageExamples },
    responses: {
      201: { description: 'At least one message is new. A single message answers with the message, a list with `{ messages }`.', schema: 'MessageResponse' },
      200: { description: 'Every message was already stored (resend).', schema: 'MessageResponse' },
    },
    errors: writeErrors,
  },
  {
    method: 'post',
    path: '/v1/conversations/{id}/actions',
    operationId: 'addAction',
    tag: 'Messages and actions',
    summary: 'Record a tool call',
    description:
      'Records a tool call for the tool usage chart (calls and mean duration per tool). A call to one of the workspace’s escalation tools — by default `fallback_to_human`, `open_ticket`, `ticket`, `contact_human` — marks the conversation escalated.',
    scope: 'ingest',
    ...conversationPath,
    body: { schema: 'ActionBody', examples: examples.actionExamples },
    responses: createdOrExisting('action', 'Action'),
    errors: writeErrors,
  },
  {
    method: 'post',
    path: '/v1/conversations/{id}/end',
    operationId: 'endConversation',
    tag: 'Conversations',
    summary: 'End a conversation',
    description:
      'Ends the conversation, optionally with feedback or an escalation flag. Without this call a conversation ends by itself after the workspace’s inactivity timeout (30 minutes by default). Ending an ended conversation again changes nothing.',
    scope: 'ingest',
    ...conversationPath,
    body: { schema: 'EndBody', examples: examples.endExamples },
    responses: { 200: { description: 'The conversation, ended.', schema: 'Conversation' } },
    errors: writeErrors,
  },
  {
    method: 'post',
    path: '/v1/events',
    operationId: 'trackEvent',
    tag: 'Events',
    summary: 'Track a custom event',
    description: 'Stores a custom event, the server side of `analytics.track(name, properties)`. Goals of type `event` complete on matching events.',
    scope: 'ingest',
    body: { schema: 'EventBody', examples: examples.eventExamples },
    responses: createdOrExisting('event', 'Event'),
    errors: writeErrors,
  },
  {
    method: 'post',
    path: '/v1/batch',
    operationId: 'ingestBatch',
    tag: 'Batch',
    summary: 'Send a batch',
    description:
      'Sends up to 1,000 items (5 MB) of any type in one request — what the SDK uses. Each item’s `body` is the body of the matching single endpoint, plus `conversationId` for `message`, `action` and `conversation.end`. Items are validated one by one: an invalid item gets a 422 result and the others are still applied. A resent item `id` is a no-op that answers with the status recorded the first time (a message, action or event whose own `id` is the item `id`, or that has none and takes it, is its own record: resent, it finds its row stored and answers `201`).',
    scope: 'ingest',
    body: { schema: 'BatchRequest', examples: examples.batchExamples },
    responses: {
      207: { description: 'Multi-status: one `{ id, status, error? }` per item, in input order. With billing on, an item that would start a conversation past the plan\'s quota (and every item of that conversation in the batch) is `429` with code `quota_exceeded`; the response then carries `Retry-After` (seconds until the period resets), and a refused item may be resent later under the same id.', schema: 'BatchResult', example: examples.batchResultExample },
    },
    errors: writeErrors,
  },
];
