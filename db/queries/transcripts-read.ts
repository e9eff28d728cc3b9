/** Everything stored about one conversation, for the transcript viewer and `GET /v1/conversations/{id}`. */
import { sql } from '../index';

export async function selectConversation(workspaceId: string, id: string) {
  const [row] = await sql<Record<string, unknown>[]>`
    SELECT c.*, c.prompt_tokens::float8 AS prompt_tokens, c.completion_tokens::float8 AS completion_tokens,
      coalesce(a.name, c.avatar_id) AS avatar_name
    FROM conversations c LEFT JOIN avatars a ON a.workspace_id = c.workspace_id AND a.id = c.avatar_id
    WHERE c.workspace_id = ${workspaceId}::uuid AND c.id = ${id}`;
  return row ?? null;
}

export async function selectTranscriptParts(workspaceId: string, id: string) {
  const [messages, actions, events, goals] = await Promise.all([
    sql<{ id: string; role: 'user' | 'assistant' | 'system'; content: string; created_at: Date; prompt_tokens: number; completion_tokens: number; response_time_ms: number | null; sentiment_score: number | null; sentiment_label: string | null; metadata: Record<string, unknown> | null }[]>`
      SELECT id, role, content, created_at, prompt_tokens, completion_tokens, response_time_ms, sentiment_score, sentiment_label, metadata
      FROM messages WHERE workspace_id = ${workspaceId}::uuid AND conversation_id = ${id}
      ORDER BY created_at, id COLLATE "C"`,
    sql<{ id: string; name: string; started_at: Date; duration_ms: number | null; status: string | null; input: unknown; output: unknown; is_escalation: boolean }[]>`
      SELECT id, name, started_at, duration_ms, status, input, output, is_escalation
      FROM actions WHERE workspace_id = ${workspaceId}::uuid AND conversation_id = ${id}
      ORDER BY started_at, id COLLATE "C"`,
    sql<{ id: string; name: string; properties: Record<string, unknown> | null; timestamp: Date }[]>`
      SELECT id, name, properties, timestamp
      FROM events WHERE workspace_id = ${workspaceId}::uuid AND conversation_id = ${id}
      ORDER BY timestamp, id COLLATE "C"`,
    sql<{ goal_id: string; name: string | null; completed_at: Date; message_id: string | null; event_id: string | null; action_id: string | null; source: string }[]>`
      SELECT gc.goal_id, g.name, gc.completed_at, gc.message_id, gc.event_id, gc.action_id, gc.source
      FROM goal_completions gc LEFT JOIN goals g ON g.workspace_id = gc.workspace_id AND g.id = gc.goal_id
      WHERE gc.workspace_id = ${workspaceId}::uuid AND gc.conversation_id = ${id}
      ORDER BY gc.completed_at, gc.goal_id COLLATE "C"`,
  ]);
  return { messages, actions, events, goals };
}

