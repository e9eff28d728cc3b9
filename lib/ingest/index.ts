/**
 * Ingest: every write of conversations, messages, tool calls and events (the /v1 routes, the demo seeder,
 * jobs, benchmarks) goes through four stages, one folder each:
 *
 *   parse   parse/schemas.ts (one zod schema per payload, fields from parse/schema-primitives.ts) and
 *           parse/batch-item.ts: request bodies into IngestItems (types.ts); a bad batch item is its own 422.
 *   derive  derive/*.ts: sentiment, country, device, language, feedback, escalation, response times. Most run in
 *           derive/prepared-items.ts (ids and times defaulted too) before any statement; the rest where plan needs them.
 *   plan    plan/*.ts, in memory: batch-plan (the rows to insert, in-batch repeats removed), item-outcomes over
 *           conversation-state (each item's status and its conversation's new row), new-conversations (rows
 *           complete before their INSERT), rollup-deltas and adopt-avatar, webhook-events.
 *   write   write/transaction.ts, one transaction: lock goals, then conversations → insert messages, tool calls,
 *           events → recompute response times around late messages → plan → goals (lib/goals/live.ts) → insert
 *           new conversations → update changed ones, customers, ledger, outbox → hot rollup counters last.
 *
 * pipeline.ts runs derive then write. batch.ts (which first skips item ids the ledger holds) and single.ts are
 * the /v1 write endpoints over it, answering with public-shapes.ts; close-idle.ts is the idle-close job.
 *
 * Guarantees:
 * - Idempotent: messages, tool calls and events are keyed by the client's id (ON CONFLICT DO NOTHING tells
 *   which are new, and only new rows count); a batch item id goes to the ledger (write/idempotency-keys.ts)
 *   in the same transaction, unless the item's own row is its record.
 * - One lock order (db/lock-order.ts): the workspace's goals, then its conversations in one ordered statement,
 *   then billing usage, and the hot rollup rows last, so concurrent batches wait instead of deadlocking; a
 *   conversation created meanwhile by another batch retries the transaction (pipeline.ts).
 * - Outbox in the same transaction: webhook events and goal completions commit with the rows they describe.
 */
export { ingestBatch, type BatchItemResult } from './batch';
export { checkBatchItem } from './parse/batch-item';
export { addAction, addMessages, endConversation, getOrCreateConversation, initializeConversation, trackEvent } from './single';
export { applyIngestItems } from './pipeline';
export { closeIdleConversations } from './close-idle';
export { publicConversation, publicMessage, type PublicConversation, type PublicMessage } from './public-shapes';
export type { ApplyOptions, ApplyResult, IngestItem, ItemOutcome } from './types';
export type { ActionBody, BatchRequest, ConversationBody, EndBody, EventBody, MessageBody } from './parse/schemas';
