/** The ingest pipeline's entry points, for route handlers, the demo seeder, jobs and benchmarks. */
export { applyIngestItems, type ApplyOptions, type ApplyResult } from './write/transaction';
export { ingestBatch, checkBatchItem, type BatchItemResult } from './batch';
export { closeIdleConversations } from './close-idle';
export { addAction, addMessages, endConversation, getOrCreateConversation, initializeConversation, trackEvent } from './single';
export { publicConversation, publicMessage, type PublicConversation, type PublicMessage } from './public-shapes';
export type { IngestItem, ItemOutcome } from './types';
export type { ActionBody, BatchRequest, ConversationBody, EndBody, EventBody, MessageBody } from './parse/schemas';
