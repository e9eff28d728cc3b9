// The Confab client: direct calls to the ingestion endpoints, and a batched queue for POST /v1/batch.
// Runs in browsers and in Node 20+ with nothing but the global fetch.
import { createBatchQueue, type BatchOptions } from './batch-queue';
import { ConfabError } from './errors';
import { generateId } from './ids';
import { createTransport, type RetryOptions } from './transport';
import type {
  ActionInput,
  ApiResponse,
  BatchItem,
  ConversationInput,
  DateInput,
  EndInput,
  EventInput,
  JsonObject,
  MessageInput,
} from './types';

export interface ClientOptions {
  /** An API key with the `ingest` scope. */
  apiKey: string;
  /** Where Confab runs, e.g. `https://confab.example.com`; a trailing `/` is fine. */
  baseUrl: string;
  batch?: BatchOptions;
  retry?: RetryOptions;
  /** Per-request timeout in ms (default 30000); a timed-out request is retried with the same ids. */
  timeoutMs?: number;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof fetch;
  /** Receives failures of queued items (after retries); defaults to console.error. */
  onError?: (error: ConfabError) => void;
}

export interface TrackOptions {
  conversationId?: string;
  avatarId?: string;
  id?: string;
  timestamp?: DateInput;
}

/** Queued variants; each returns the id of the batch item it queued. */
export interface ConfabQueue {
  conversation(input: ConversationInput): string;
  initialize(input: ConversationInput): string;
  message(conversationId: string, input: MessageInput): string;
  action(conversationId: string, input: ActionInput): string;
  end(conversationId: string, input?: EndInput): string;
  event(input: EventInput): string;
}

export interface ConfabClient {
  /** POST /v1/conversations — get-or-create (201 new, 200 existing). */
  getOrCreateConversation(input: ConversationInput): Promise<ApiResponse>;
  /** POST /v1/conversations/initialize — starts a conversation that has not yet interacted. */
  initializeConversation(input: ConversationInput): Promise<ApiResponse>;
  /** POST /v1/conversations/{id}/messages — one message or several. */
  addMessages(conversationId: string, messages: MessageInput | MessageInput[]): Promise<ApiResponse>;
  /** POST /v1/conversations/{id}/actions — a tool call. */
  addAction(conversationId: string, input: ActionInput): Promise<ApiResponse>;
  /** POST /v1/conversations/{id}/end. */
  endConversation(conversationId: string, input?: EndInput): Promise<ApiResponse>;
  /** POST /v1/events — a custom event, like `analytics.track`. */
  track(name: string, properties?: JsonObject, options?: TrackOptions): Promise<ApiResponse>;
  /** Batched variants, sent through POST /v1/batch. */
  readonly enqueue: ConfabQueue;
  /** Sends everything queued; resolves when sent, or when failures were reported through onError. */
  flush(): Promise<void>;
  /** Stops the flush timer and flushes. Await it before a process exits or a page is hidden. */
  shutdown(): Promise<void>;
}

function reportToConsole(error: ConfabError) {
  console.error('[confab]', error);
}

function conversationPath(conversationId: string, action: string): string {
  return `/v1/conversations/${encodeURIComponent(conversationId)}/${action}`;
}

export function createClient(options: ClientOptions): ConfabClient {
  if (!options?.apiKey) throw new TypeError('createClient: apiKey is required');
  if (!options.baseUrl) throw new TypeError('createClient: baseUrl is required');
  const transport = createTransport(options);
  const onError = options.onError ?? reportToConsole;
  const report = (error: ConfabError) => {
    try {
      onError(error);
    } catch {
      // A throwing error handler must not break the queue.
    }
  };
  const queue = createBatchQueue(transport, options.batch, report);

  // The body is serialised once, so every retry sends the same bytes and the same ids.
  async function post(path: string, body: unknown): Promise<ApiResponse> {
    return (await transport.post(path, JSON.stringify(body))) as ApiResponse;
  }

  // Ids are filled before the first send so that a retry after a timeout cannot duplicate a write.
  const withId = <T extends { id?: string | null }>(input: T, id = generateId()): T & { id: string } => ({
    ...input,
    id: input.id ?? id,
  });

  function add(build: (id: string, now: string) => Omit<BatchItem, 'id' | 'timestamp'>): string {
    const id = generateId();
    const now = new Date().toISOString();
    queue.add({ ...build(id, now), id, timestamp: now } as BatchItem);
    return id;
  }

  // Queued items wait up to flushIntervalMs (longer on retries), so their times are taken at
  // enqueue time: otherwise the server would stamp a whole batch with one arrival time and
  // response times would collapse to zero.
  const enqueue: ConfabQueue = {
    conversation: (input) => add(() => ({ type: 'conversation', body: input })),
    initialize: (input) => add(() => ({ type: 'conversation.initialize', body: input })),
    message: (conversationId, input) =>
      add((id, now) => ({ type: 'message', body: { ...withId(input, id), createdAt: input.createdAt ?? now, conversationId } })),
    action: (conversationId, input) => add((id) => ({ type: 'action', body: { ...withId(input, id), conversationId } })),
    end: (conversationId, input = {}) =>
      add((_id, now) => ({ type: 'conversation.end', body: { ...input, endedAt: input.endedAt ?? now, conversationId } })),
    event: (input) => add((id, now) => ({ type: 'event', body: { ...withId(input, id), timestamp: input.timestamp ?? now } })),
  };

  return {
    getOrCreateConversation: (input) => post('/v1/conversations', input),
    initializeConversation: (input) => post('/v1/conversations/initialize', input),
    addMessages: (conversationId, messages) =>
      post(
        conversationPath(conversationId, 'messages'),
        Array.isArray(messages) ? { messages: messages.map((m) => withId(m)) } : withId(messages),
      ),
    addAction: (conversationId, input) => post(conversationPath(conversationId, 'actions'), withId(input)),
    endConversation: (conversationId, input = {}) => post(conversationPath(conversationId, 'end'), input),
    track: (name, properties, trackOptions = {}) =>
      post('/v1/events', withId({ ...trackOptions, name, ...(properties ? { properties } : {}) })),
    enqueue,
    flush: () => queue.flush(),
    shutdown: () => {
      queue.stopTimer();
      return queue.flush();
    },
  };
}
