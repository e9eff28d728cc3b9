// Ingestion payloads of the Confab REST API (DESIGN §4), as the SDK accepts them.
// Dates may be Date objects or ISO strings; the client sends ISO strings.

export type DateInput = Date | string;

/** Free-form JSON object (metadata, properties, tool input/output). Dates inside are sent as ISO strings. */
export type JsonObject = { [key: string]: unknown };

export type Device = 'desktop' | 'tablet' | 'mobile';
export type MessageRole = 'user' | 'assistant' | 'system';

/** Body of `POST /v1/conversations` (get-or-create) and `POST /v1/conversations/initialize`. */
export interface ConversationInput {
  id: string;
  avatarId: string;
  customerId?: string;
  customerIpAddress?: string;
  device?: Device;
  source?: string;
  language?: string;
  userAgent?: string;
  metadata?: JsonObject;
  startedAt?: DateInput;
}

/** One message of `POST /v1/conversations/{id}/messages`. */
export interface MessageInput {
  /** Client message id; makes the write idempotent. Filled with a UUID by the SDK when absent. */
  id?: string;
  role: MessageRole;
  content: string;
  createdAt?: DateInput;
  tokens?: { prompt?: number; completion?: number };
  metadata?: JsonObject;
}

/** Body of `POST /v1/conversations/{id}/actions` (a tool call). */
export interface ActionInput {
  id?: string;
  name: string;
  startedAt?: DateInput;
  durationMs?: number;
  status?: string;
  input?: unknown;
  output?: unknown;
}

/** `positive`/`negative`, or a numeric rating from 1 to 5. */
export type Feedback = 'positive' | 'negative' | number | (string & {});

/** Body of `POST /v1/conversations/{id}/end`. */
export interface EndInput {
  endedAt?: DateInput;
  feedback?: Feedback;
  escalated?: boolean;
  metadata?: JsonObject;
}

/** Body of `POST /v1/events` (a custom event, `analytics.track`). */
export interface EventInput {
  id?: string;
  name: string;
  conversationId?: string;
  avatarId?: string;
  properties?: JsonObject;
  timestamp?: DateInput;
}

export type BatchItemType =
  | 'conversation'
  | 'conversation.initialize'
  | 'message'
  | 'action'
  | 'conversation.end'
  | 'event';

interface BatchItemBase<T extends BatchItemType, B> {
  /** Stable item id; a resent id is a no-op on the server. */
  id: string;
  type: T;
  timestamp?: DateInput;
  body: B;
}

/** One entry of `POST /v1/batch`; `body` is the matching single endpoint's body. */
export type BatchItem =
  | BatchItemBase<'conversation' | 'conversation.initialize', ConversationInput>
  | BatchItemBase<'message', MessageInput & { conversationId: string }>
  | BatchItemBase<'action', ActionInput & { conversationId: string }>
  | BatchItemBase<'conversation.end', EndInput & { conversationId: string }>
  | BatchItemBase<'event', EventInput>;

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
