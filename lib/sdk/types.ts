// Ingestion payloads of the Confab REST API (DESIGN §4), as the SDK accepts them: the input types of the
// server's zod schemas (lib/ingest/parse/schemas.ts), so the two cannot drift. Type-only imports keep the server's
// code out of the SDK at runtime. Dates may also be Date objects; the client sends ISO strings.
import type { z } from 'zod';
import type * as schemas from '../ingest/parse/schemas';

export type DateInput = Date | string;

/** Free-form JSON object (metadata, properties, tool input/output). Dates inside are sent as ISO strings. */
export type JsonObject = { [key: string]: unknown };

export type Device = z.input<typeof schemas.deviceSchema>;
export type MessageRole = z.input<typeof schemas.messageRoleSchema>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The date-time fields of a schema: those it parses into a Date. */
type DateKeys<O> = { [K in keyof O]-?: unknown extends O[K] ? never : Date extends NonNullable<O[K]> ? K : never }[keyof O];
type WithDates<I, O> = { [K in keyof I]: K extends DateKeys<O> ? I[K] | Date : I[K] };
/** A schema's input, its date-time fields also accepting Date objects (JSON.stringify sends them as ISO strings). */
type Body<S extends z.ZodType> = Simplify<WithDates<z.input<S>, z.output<S>>>;

/** Body of `POST /v1/conversations` (get-or-create) and `POST /v1/conversations/initialize`. */
export type ConversationInput = Body<typeof schemas.conversationBodySchema>;

/** One message of `POST /v1/conversations/{id}/messages`; the SDK fills a missing `id` with a UUID (idempotent writes). */
export type MessageInput = Body<typeof schemas.messageBodySchema>;

/** Body of `POST /v1/conversations/{id}/actions` (a tool call). */
export type ActionInput = Body<typeof schemas.actionBodySchema>;

/** `positive`/`negative`, a numeric rating from 1 to 5, a thumbs boolean, or `{ rating?, value? }`. */
export type Feedback = NonNullable<z.input<typeof schemas.endBodySchema>['feedback']>;

/** Body of `POST /v1/conversations/{id}/end`. */
export type EndInput = Body<typeof schemas.endBodySchema>;

/** Body of `POST /v1/events` (a custom event, `analytics.track`). */
export type EventInput = Body<typeof schemas.eventBodySchema>;

export type BatchItemType = schemas.BatchItemType;

type BatchBodySchemas = typeof schemas.batchBodySchemas;
type BatchEnvelope = z.input<typeof schemas.batchItemSchema>;

/**
 * One entry of `POST /v1/batch`: a stable `id` (a resent id is a no-op on the server), and as `body` the matching
 * single endpoint's body, with `conversationId` where the URL held it.
 */
export type BatchItem = {
  [T in BatchItemType]: Simplify<
    Omit<BatchEnvelope, 'type' | 'timestamp' | 'body'> & {
      type: T;
      timestamp?: DateInput | null;
      body: Body<BatchBodySchemas[T]>;
    }
  >;
}[BatchItemType];

export interface BatchRequest {
  batch: BatchItem[];
}

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** The API's error envelope: `{"error":{"code","message","details"?}}`. */
export interface ApiErrorResponse {
  error: ApiErrorBody;
}

export interface BatchItemResult {
  id: string;
  status: number;
  error?: ApiErrorBody;
}

/** Answer of `POST /v1/batch` (HTTP 207): one result per item. */
export interface BatchResult {
  results: BatchItemResult[];
}

/** Parsed JSON answer of a single ingestion endpoint. */
export type ApiResponse = JsonObject;
