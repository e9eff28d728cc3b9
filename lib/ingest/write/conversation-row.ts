/** Reads a locked conversation row (snake_case, as the ingest SQL returns it) into the pipeline's state. */
import type { ConversationRow } from '@/db/queries/ingest-writes';
import type { ConversationState } from '../types';

export function rowToState(row: ConversationRow): ConversationState {
  return {
    id: row.id,
    avatarId: row.avatar_id,
    customerId: row.customer_id,
    country: row.country,
    device: row.device,
    source: row.source,
    language: row.language,
    languageDetected: row.language_detected,
    metadata: row.metadata,
    feedback: row.feedback,
    feedbackRating: row.feedback_rating,
    status: row.status,
    endReason: row.end_reason === 'client' || row.end_reason === 'inactivity' ? row.end_reason : null,
    initializedAt: row.initialized_at,
    interacted: row.interacted,
    startedAt: row.started_at,
    startedAtExplicit: row.started_at_explicit,
    endedAt: row.ended_at,
    lastActivityAt: row.last_activity_at,
    messageCount: row.message_count,
    userMessageCount: row.user_message_count,
    assistantMessageCount: row.assistant_message_count,
    systemMessageCount: row.system_message_count,
    promptTokens: Number(row.prompt_tokens),
    completionTokens: Number(row.completion_tokens),
    actionCount: row.action_count,
    escalated: row.escalated,
    escalatedAt: row.escalated_at,
    goalReached: row.goal_reached,
    sentimentSum: row.sentiment_sum,
    sentimentCount: row.sentiment_count,
    firstUserMessage: row.first_user_message,
  };
}
