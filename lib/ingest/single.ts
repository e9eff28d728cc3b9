/**
 * The single-object write endpoints as functions: each runs the same set-based pipeline as a batch
 * (one item, or one request's messages) and answers with the stored object's public shape.
 */
import { findActionById, findEventById, findMessagesByIds } from '@/db/queries/ingest-reads';
import { ApiError } from '@/lib/api/errors';
import type { ActionBody, ConversationBody, EndBody, EventBody, MessageBody } from './parse/schemas';
import { applyIngestItems } from './pipeline';
import { publicConversation, publicMessage } from './public-shapes';
import type { ApplyOptions, ApplyResult, IngestItem } from './types';

export type WriteOptions = { receivedAt?: Date };

/** Applies the items; a new conversation refused past the plan's quota is the request's 429 (with Retry-After). */
async function apply(workspaceId: string, items: IngestItem[], options: ApplyOptions): Promise<ApplyResult> {
  const result = await applyIngestItems(workspaceId, items, options);
  const refusal = result.outcomes.find((o) => o.refusal)?.refusal;
  if (refusal) throw new ApiError(429, refusal.code, refusal.message, undefined, { 'Retry-After': String(refusal.retryAfterSeconds) });
  return result;
}

async function conversationWrite(
  workspaceId: string,
  type: 'conversation' | 'conversation.initialize',
  body: ConversationBody,
  options: WriteOptions,
) {
  const { outcomes, conversations } = await apply(workspaceId, [{ type, body }], options);
  return { created: outcomes[0].status === 201, conversation: publicConversation(conversations.get(body.id)!) };
}

/** `POST /v1/conversations`: creates the conversation as interacted, or marks an existing one interacted. */
export function getOrCreateConversation(workspaceId: string, body: ConversationBody, options: WriteOptions = {}) {
  return conversationWrite(workspaceId, 'conversation', body, options);
}

/** `POST /v1/conversations/initialize`: creates the conversation as not yet interacted; changes nothing if it exists. */
export function initializeConversation(workspaceId: string, body: ConversationBody, options: WriteOptions = {}) {
  return conversationWrite(workspaceId, 'conversation.initialize', body, options);
}

/** `POST /v1/conversations/{id}/messages`: `created` is true when at least one message was new. */
export async function addMessages(workspaceId: string, conversationId: string, bodies: MessageBody[], options: WriteOptions = {}) {
  const items = bodies.map((body) => ({ type: 'message' as const, conversationId, body }));
  const { outcomes } = await apply(workspaceId, items, options);
  const ids = outcomes.map((o) => o.objectId!);
  const stored = new Map((await findMessagesByIds(workspaceId, conversationId, [...new Set(ids)])).map((m) => [m.id, m]));
  return { created: outcomes.some((o) => o.status === 201), messages: ids.map((id) => publicMessage(stored.get(id)!)) };
}

export async function addAction(workspaceId: string, conversationId: string, body: ActionBody, options: WriteOptions = {}) {
  const { outcomes } = await apply(workspaceId, [{ type: 'action', conversationId, body }], options);
  const action = await findActionById(workspaceId, conversationId, outcomes[0].objectId!);
  return { created: outcomes[0].status === 201, action: action! };
}

/** `POST /v1/conversations/{id}/end`; ending an ended conversation again changes nothing. */
export async function endConversation(workspaceId: string, conversationId: string, body: EndBody, options: WriteOptions = {}) {
  const { conversations } = await apply(workspaceId, [{ type: 'conversation.end', conversationId, body }], options);
  return { conversation: publicConversation(conversations.get(conversationId)!) };
}

export async function trackEvent(workspaceId: string, body: EventBody, options: WriteOptions = {}) {
  const { outcomes } = await applyIngestItems(workspaceId, [{ type: 'event', body }], options);
  const event = await findEventById(workspaceId, outcomes[0].objectId!);
  return { created: outcomes[0].status === 201, event: event! };
}
