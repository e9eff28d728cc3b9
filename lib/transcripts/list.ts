/** Keyset-paginated conversation lists for the API and the dashboard. */
import { selectConversationPage, type ListedConversationRow } from '@/db/queries/transcripts-list';
import { decodeCursorOrThrow, encodeCursor } from './cursor';
import type { TranscriptFilters } from './filters';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export type ConversationSummary = {
  id: string;
  avatarId: string;
  avatarName: string;
  customerId: string | null;
  status: 'active' | 'ended';
  startedAt: string;
  endedAt: string | null;
  /** Seconds from start to end; null while the conversation is active. */
  duration: number | null;
  messages: number;
  userMessages: number;
  assistantMessages: number;
  tokens: { prompt: number; completion: number; total: number };
  sentiment: { score: number; label: 'positive' | 'neutral' | 'negative' } | null;
  escalated: boolean;
  goalReached: boolean;
  device: string | null;
  source: string | null;
  language: string | null;
  country: string | null;
  feedback: string | null;
  firstUserMessage: string | null;
};

export type ConversationPage = { data: ConversationSummary[]; nextCursor: string | null; prevCursor: string | null };

export function toSummary(r: ListedConversationRow): ConversationSummary {
  return {
    id: r.id,
    avatarId: r.avatar_id,
    avatarName: r.avatar_name ?? r.avatar_id,
    customerId: r.customer_id,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    endedAt: r.ended_at?.toISOString() ?? null,
    duration: r.duration_s,
    messages: r.message_count,
    userMessages: r.user_message_count,
    assistantMessages: r.assistant_message_count,
    tokens: { prompt: r.prompt_tokens, completion: r.completion_tokens, total: r.prompt_tokens + r.completion_tokens },
    sentiment: r.sentiment_score === null || r.sentiment_label === null ? null : { score: r.sentiment_score, label: r.sentiment_label },
    escalated: r.escalated,
    goalReached: r.goal_reached,
    device: r.device,
    source: r.source,
    language: r.language,
    country: r.country,
    feedback: r.feedback,
    firstUserMessage: r.first_user_message,
  };
}

/**
 * One page of conversations matching `filters`. Pages are keyset-based, so conversations arriving
 * between requests never shift a page: nothing is skipped or shown twice.
 */
export async function listConversations(
  workspaceId: string,
  filters: TranscriptFilters,
  cursor: string | null = null,
  limit = DEFAULT_LIMIT,
): Promise<ConversationPage> {
  const { sort, order } = filters;
  const after = cursor ? decodeCursorOrThrow(cursor, sort, order) : undefined;
  const size = Math.min(Math.max(1, Math.floor(limit)), MAX_LIMIT);
  const rows = await selectConversationPage(workspaceId, filters, { sort, order, limit: size + 1, after });
  const backwards = after?.direction === 'prev';
  // One extra row tells whether more lie beyond this page, at its far end in the direction of travel.
  const more = rows.length > size;
  const page = more ? (backwards ? rows.slice(1) : rows.slice(0, size)) : rows;
  const at = (row: ListedConversationRow, direction: 'next' | 'prev') =>
    encodeCursor({ key: row.sort_key, id: row.id, sort, order, direction });
  const first = page[0];
  const last = page[page.length - 1];
  const hasNext = backwards ? Boolean(after) : more;
  const hasPrev = backwards ? more : Boolean(after);
  return {
    data: page.map(toSummary),
    nextCursor: hasNext && last ? at(last, 'next') : null,
    prevCursor: hasPrev && first ? at(first, 'prev') : null,
  };
}

export { selectNeighbours as findNeighbours } from '@/db/queries/transcripts-list';
