/**
 * Set-based reads and writes of the ingest transaction: each takes every row of a batch as one JSON parameter
 * (json_to_recordset), so a 1,000-item batch costs a handful of statements. Rows are processed in key
 * order so that concurrent batches lock in the same order and never deadlock (db/lock-order.ts).
 */
import type { TransactionSql } from 'postgres';
import { conversationLockOrder, GOAL_EVALUATION_LOCK } from '../lock-order';
import type { ConversationState, NewAction, NewEvent, NewMessage } from '@/lib/ingest/types';
import type { GoalDefinitionRow } from './goal-completions';
import { subscribedEventTypes } from './outbox';

const json = (rows: unknown[]) => JSON.stringify(rows);

const CONVERSATION_COLUMNS = `id text, avatar_id text, customer_id text, country text, device device_type, source text,
  language text, language_detected boolean, metadata jsonb, feedback text, feedback_rating smallint,
  status conversation_status, end_reason text, initialized_at timestamptz, interacted boolean, started_at timestamptz,
  started_at_explicit boolean, ended_at timestamptz, last_activity_at timestamptz, message_count int,
  user_message_count int, assistant_message_count int, system_message_count int, prompt_tokens bigint,
  completion_tokens bigint, action_count int, escalated boolean, escalated_at timestamptz, goal_reached boolean, sentiment_sum float8,
  sentiment_count int, sentiment_score real, sentiment_label sentiment_label, first_user_message text`;

const RETURNED = `c.id, c.avatar_id, c.customer_id, c.country, c.device, c.source, c.language, c.language_detected,
  c.metadata, c.feedback, c.feedback_rating, c.status, c.end_reason, c.initialized_at, c.interacted, c.started_at,
  c.started_at_explicit, c.ended_at, c.last_activity_at, c.message_count, c.user_message_count,
  c.assistant_message_count, c.system_message_count, c.prompt_tokens::float8 AS prompt_tokens,
  c.completion_tokens::float8 AS completion_tokens, c.action_count, c.escalated, c.escalated_at, c.goal_reached,
  c.sentiment_sum, c.sentiment_count, c.first_user_message`;

export type ConversationRow = {
  id: string; avatar_id: string; customer_id: string | null; country: string | null;
  device: ConversationState['device']; source: string | null; language: string | null; language_detected: boolean;
  metadata: Record<string, unknown> | null; feedback: string | null; feedback_rating: number | null;
  status: ConversationState['status']; end_reason: string | null; initialized_at: Date | null; interacted: boolean;
  started_at: Date; started_at_explicit: boolean; ended_at: Date | null; last_activity_at: Date;
  message_count: number; user_message_count: number; assistant_message_count: number; system_message_count: number;
  prompt_tokens: number; completion_tokens: number; action_count: number; escalated: boolean; escalated_at: Date | null;
  goal_reached: boolean; sentiment_sum: number; sentiment_count: number; first_user_message: string | null;
};

export function conversationRecord(s: ConversationState, sentiment: { score: number; label: string } | null) {
  return {
    id: s.id, avatar_id: s.avatarId, customer_id: s.customerId, country: s.country, device: s.device, source: s.source,
    language: s.language, language_detected: s.languageDetected, metadata: s.metadata, feedback: s.feedback,
    feedback_rating: s.feedbackRating, status: s.status, end_reason: s.endReason, initialized_at: s.initializedAt,
    interacted: s.interacted, started_at: s.startedAt, started_at_explicit: s.startedAtExplicit, ended_at: s.endedAt,
    last_activity_at: s.lastActivityAt, message_count: s.messageCount, user_message_count: s.userMessageCount,
    assistant_message_count: s.assistantMessageCount, system_message_count: s.systemMessageCount,
    prompt_tokens: s.promptTokens, completion_tokens: s.completionTokens, action_count: s.actionCount,
    escalated: s.escalated, escalated_at: s.escalatedAt, goal_reached: s.goalReached, sentiment_sum: s.sentimentSum, sentiment_count: s.sentimentCount,
    sentiment_score: sentiment?.score ?? null, sentiment_label: sentiment?.label ?? null, first_user_message: s.firstUserMessage,
  };
}

export function ingestWrites(tx: TransactionSql) {
  return {
    /**
     * What every batch needs of its workspace, in one round trip: the escalation tool names and the goals
     * (as loadGoalDefinitions reads them). Null when there is no such workspace. The goals stay locked
     * against deletion until the batch commits: a concurrent goal delete waits, then removes what this
     * batch completed; one that got there first leaves this batch without the goal.
     */
    /** The workspace's escalation tools, its goals (locked for evaluation) and the event types its enabled webhooks take. */
    async workspaceRules(workspaceId: string): Promise<{ escalationToolNames: string[]; goals: GoalDefinitionRow[]; subscribedEvents: Set<string> } | null> {
      const [row] = await tx<{ names: string[]; subscribed: string[]; goals: (Omit<GoalDefinitionRow, 'updated_at'> & { updated_at: string })[] }[]>`
        SELECT w.escalation_tool_names AS names,
          ${subscribedEventTypes(tx, tx`w.id`)} AS subscribed,
          coalesce((
          SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'avatar_id', g.avatar_id, 'trigger', g.trigger, 'updated_at', g.updated_at) ORDER BY g.id)
          FROM (SELECT id, name, avatar_id, trigger, updated_at FROM goals WHERE workspace_id = w.id
            ORDER BY id ${tx.unsafe(GOAL_EVALUATION_LOCK)}) g), '[]') AS goals
        FROM workspaces w WHERE w.id = ${workspaceId}::uuid`;
      if (!row) return null;
      return {
        escalationToolNames: row.names,
        goals: row.goals.map((g) => ({ ...g, updated_at: new Date(g.updated_at) })),
        subscribedEvents: new Set(row.subscribed),
      };
    },

    /** Locks the conversations among `ids` that exist, in lock order, and returns them as they stand. */
    async lockConversations(workspaceId: string, ids: string[]) {
      return tx<ConversationRow[]>`
        SELECT ${tx.unsafe(RETURNED)} FROM conversations c
        WHERE c.workspace_id = ${workspaceId}::uuid
          AND c.id = ANY (ARRAY(SELECT json_array_elements_text(${json(ids)}::text::json)))
        ${conversationLockOrder(tx, 'c')}
        FOR UPDATE`;
    },

    /** Inserts new conversations with their complete state; returns the ids actually inserted. */
    async insertConversations(workspaceId: string, rows: ReturnType<typeof conversationRecord>[]) {
      if (rows.length === 0) return [];
      return tx<{ id: string }[]>`
        INSERT INTO conversations AS c (workspace_id, id, avatar_id, customer_id, country, device, source, language,
          language_detected, metadata, feedback, feedback_rating, status, end_reason, initialized_at, interacted,
          started_at, started_at_explicit, ended_at, last_activity_at, message_count, user_message_count,
          assistant_message_count, system_message_count, prompt_tokens, completion_tokens, action_count, escalated,
          escalated_at, goal_reached, sentiment_sum, sentiment_count, sentiment_score, sentiment_label, first_user_message)
        SELECT ${workspaceId}::uuid, x.id, x.avatar_id, x.customer_id, x.country, x.device, x.source, x.language,
          x.language_detected, x.metadata, x.feedback, x.feedback_rating, x.status, x.end_reason, x.initialized_at,
          x.interacted, x.started_at, x.started_at_explicit, x.ended_at, x.last_activity_at, x.message_count,
          x.user_message_count, x.assistant_message_count, x.system_message_count, x.prompt_tokens, x.completion_tokens,
          x.action_count, x.escalated, x.escalated_at, x.goal_reached, x.sentiment_sum, x.sentiment_count, x.sentiment_score,
          x.sentiment_label, x.first_user_message
        FROM json_to_recordset(${json(rows)}::text::json) AS x(${tx.unsafe(CONVERSATION_COLUMNS)})
        ${conversationLockOrder(tx, 'x')}
        ON CONFLICT DO NOTHING
        RETURNING c.id`;
    },

    async updateConversations(workspaceId: string, rows: ReturnType<typeof conversationRecord>[]) {
      if (rows.length === 0) return;
      await tx`
        UPDATE conversations AS c SET avatar_id = x.avatar_id, customer_id = x.customer_id, country = x.country,
          device = x.device, source = x.source, language = x.language, language_detected = x.language_detected,
          metadata = x.metadata, feedback = x.feedback, feedback_rating = x.feedback_rating, status = x.status,
          end_reason = x.end_reason, interacted = x.interacted, started_at = x.started_at,
          started_at_explicit = x.started_at_explicit, ended_at = x.ended_at, last_activity_at = x.last_activity_at,
          message_count = x.message_count, user_message_count = x.user_message_count,
          assistant_message_count = x.assistant_message_count, system_message_count = x.system_message_count,
          prompt_tokens = x.prompt_tokens, completion_tokens = x.completion_tokens, action_count = x.action_count,
          escalated = x.escalated, escalated_at = x.escalated_at, goal_reached = x.goal_reached, sentiment_sum = x.sentiment_sum,
          sentiment_count = x.sentiment_count, sentiment_score = x.sentiment_score, sentiment_label = x.sentiment_label,
          first_user_message = x.first_user_message, updated_at = now()
        FROM json_to_recordset(${json(rows)}::text::json) AS x(${tx.unsafe(CONVERSATION_COLUMNS)})
        WHERE c.workspace_id = ${workspaceId}::uuid AND c.id = x.id`;
    },

    /** Inserts the messages that are new; returns their keys. */
    async insertMessages(workspaceId: string, messages: NewMessage[]) {
      if (messages.length === 0) return [];
      const rows = messages.map((m) => ({
        c: m.conversationId, id: m.id, role: m.role, content: m.content, t: m.createdAt, pt: m.promptTokens,
        ct: m.completionTokens, rt: m.responseTimeMs, ss: m.sentiment?.score ?? null, sl: m.sentiment?.label ?? null,
        md: m.metadata,
      }));
      return tx<{ conversation_id: string; id: string }[]>`
        INSERT INTO messages (workspace_id, conversation_id, id, role, content, created_at, prompt_tokens,
          completion_tokens, response_time_ms, sentiment_score, sentiment_label, metadata)
        SELECT ${workspaceId}::uuid, x.c, x.id, x.role, x.content, x.t, x.pt, x.ct, x.rt, x.ss, x.sl, x.md
        FROM json_to_recordset(${json(rows)}::text::json) AS x(c text, id text, role message_role, content text,
          t timestamptz, pt int, ct int, rt int, ss real, sl sentiment_label, md jsonb)
        ORDER BY x.c, x.id
        ON CONFLICT DO NOTHING
        RETURNING conversation_id, id`;
    },

    async insertActions(workspaceId: string, actions: NewAction[]) {
      if (actions.length === 0) return [];
      const rows = actions.map((a) => ({
        c: a.conversationId, id: a.id, name: a.name, t: a.startedAt, d: a.durationMs, s: a.status,
        i: a.input, o: a.output, e: a.isEscalation,
      }));
      return tx<{ conversation_id: string; id: string }[]>`
        INSERT INTO actions (workspace_id, conversation_id, id, name, started_at, duration_ms, status, input, output, is_escalation)
        SELECT ${workspaceId}::uuid, x.c, x.id, x.name, x.t, x.d, x.s, x.i, x.o, x.e
        FROM json_to_recordset(${json(rows)}::text::json) AS x(c text, id text, name text, t timestamptz, d int, s text,
          i jsonb, o jsonb, e boolean)
        ORDER BY x.c, x.id
        ON CONFLICT DO NOTHING
        RETURNING conversation_id, id`;
    },

    async insertEvents(workspaceId: string, events: NewEvent[]) {
      if (events.length === 0) return [];
      const rows = events.map((e) => ({ id: e.id, n: e.name, c: e.conversationId, a: e.avatarId, p: e.properties, t: e.timestamp }));
      return tx<{ id: string }[]>`
        INSERT INTO events (workspace_id, id, name, conversation_id, avatar_id, properties, timestamp)
        SELECT ${workspaceId}::uuid, x.id, x.n, x.c, x.a, x.p, x.t
        FROM json_to_recordset(${json(rows)}::text::json) AS x(id text, n text, c text, a text, p jsonb, t timestamptz)
        ORDER BY x.id
        ON CONFLICT DO NOTHING
        RETURNING id`;
    },

    async insertAvatars(workspaceId: string, ids: string[]) {
      if (ids.length === 0) return;
      await tx`
        INSERT INTO avatars (workspace_id, id, name)
        SELECT ${workspaceId}::uuid, x.id, x.id FROM json_to_recordset(${json(ids.map((id) => ({ id })))}::text::json) AS x(id text)
        ORDER BY x.id
        ON CONFLICT DO NOTHING`;
    },

    async recordIdempotencyKeys(workspaceId: string, keys: { key: string; status: number }[]) {
      if (keys.length === 0) return;
      await tx`
        INSERT INTO idempotency_keys (workspace_id, key, status)
        SELECT ${workspaceId}::uuid, x.key, x.status FROM json_to_recordset(${json(keys)}::text::json) AS x(key text, status int)
        ORDER BY x.key
        ON CONFLICT DO NOTHING`;
    },
  };
}
