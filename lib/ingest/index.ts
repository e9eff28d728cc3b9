/** The ingest pipeline's entry points, for route handlers, the demo seeder, jobs and benchmarks. */
export { applyIngestItems } from './pipeline';
export { ingestBatch, type BatchItemResult } from './batch';
export { checkBatchItem } from './parse/batch-item';
export { closeIdleConversations } from './close-idle';
export { addAction, addMessages, endConversation, getOrCreateConversation, initializeConversation, trackEvent } from './single';
export { publicConversation, publicMessage, type PublicConversation, type PublicMessage } from './public-shapes';
export type { ApplyOptions, ApplyResult, IngestItem, ItemOutcome } from './types';
export type { ActionBody, BatchRequest, ConversationBody, EndBody, EventBody, MessageBody } from './parse/schemas';
