/** Conversations by dimension value, tool calls by tool, and sentiment by source, over a range plan. */
import type { RangePlan } from '@/lib/analytics/plan';
import { sql } from '../index';
import { DIMENSIONS, FACTS, SOURCES, sums, TOOLS, tierRows } from './analytics-tiers';

export type DimensionName = 'device' | 'source' | 'language' | 'country';

/** Conversations per value of `dimension`; `value` null holds the conversations without one. */
export async function conversationsByDimension(
  workspaceId: string,
  plan: RangePlan,
  avatarId: string | null | undefined,
  dimension: DimensionName,
): Promise<{ value: string | null; conversations: number }[]> {
  return sql<{ value: string | null; conversations: number }[]>`
    WITH known AS (
      SELECT value, sum(conversations)::float8 AS conversations
      FROM ${tierRows(workspaceId, plan, { avatarId }, DIMENSIONS, ['value', 'conversations'], sql`AND dimension = ${dimension}`)} d
      GROUP BY value
    ), total AS (
      SELECT coalesce(sum(conversations), 0)::float8 AS conversations
      FROM ${tierRows(workspaceId, plan, { avatarId }, FACTS, ['conversations'])} f
    )
    SELECT value, conversations FROM known WHERE conversations > 0
    UNION ALL
    SELECT NULL, total.conversations - (SELECT coalesce(sum(conversations), 0) FROM known) FROM total`;
}

/**
 * Conversations per (dimension, value) for several dimensions in one read, values with conversations only;
 * the caller gives each dimension its conversations without a value (the range's total minus these).
 */
export async function conversationsByDimensions(
  workspaceId: string,
  plan: RangePlan,
  avatarId: string | null | undefined,
  dimensions: readonly DimensionName[],
): Promise<{ dimension: DimensionName; value: string; conversations: number }[]> {
  return sql<{ dimension: DimensionName; value: string; conversations: number }[]>`
    SELECT dimension, value, sum(conversations)::float8 AS conversations
    FROM ${tierRows(workspaceId, plan, { avatarId }, DIMENSIONS, ['dimension', 'value', 'conversations'], sql`AND dimension IN ${sql(dimensions)}`)} d
    GROUP BY dimension, value HAVING sum(conversations) > 0`;
}

export type ToolRow = { tool_name: string; calls: number; duration_sum_ms: number; duration_count: number; escalations: number };

export async function toolUsage(workspaceId: string, plan: RangePlan, avatarId?: string | null): Promise<ToolRow[]> {
  const columns = ['calls', 'duration_sum_ms', 'duration_count', 'escalations'];
  return sql<ToolRow[]>`
    SELECT tool_name, ${sums(columns)}
    FROM ${tierRows(workspaceId, plan, { avatarId }, TOOLS, ['tool_name', ...columns])} t
    GROUP BY tool_name HAVING sum(calls) <> 0
    ORDER BY sum(calls) DESC, tool_name`;
}

export type SourceRow = {
  source: string;
  conversations: number;
  positive_conversations: number;
  neutral_conversations: number;
  negative_conversations: number;
  sentiment_score_sum: number;
  feedback_neutral: number;
};

const SOURCE_COLUMNS = [
  'conversations',
  'positive_conversations',
  'neutral_conversations',
  'negative_conversations',
  'sentiment_score_sum',
  'feedback_neutral',
];

/** Conversation facts per source ('' for none), most conversations first. */
export async function factsBySource(workspaceId: string, plan: RangePlan, avatarId?: string | null): Promise<SourceRow[]> {
  return sql<SourceRow[]>`
    SELECT source, ${sums(SOURCE_COLUMNS)}
    FROM ${tierRows(workspaceId, plan, { avatarId }, SOURCES, ['source', ...SOURCE_COLUMNS])} s
    GROUP BY source HAVING sum(conversations) <> 0
    ORDER BY sum(conversations) DESC, source`;
}

/** Conversations with feedback labelled neutral. */
export async function neutralFeedback(workspaceId: string, plan: RangePlan, avatarId?: string | null): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    SELECT coalesce(sum(feedback_neutral), 0)::float8 AS n
    FROM ${tierRows(workspaceId, plan, { avatarId }, SOURCES, ['feedback_neutral'])} s`;
  return row.n;
}
