/** Test data for transcript tests: conversations built through the real ingest pipeline. */
import { randomUUID } from 'node:crypto';
import { sql } from '@/db';
import { ingestBatch } from '@/lib/ingest/batch';

export type ConversationSpec = {
  id: string;
  avatarId?: string;
  startedAt: string;
  customerId?: string;
  device?: 'desktop' | 'tablet' | 'mobile';
  source?: string;
  language?: string;
  ip?: string;
  /** [role, content, seconds after start] */
  messages?: [string, string, number][];
  tools?: { name: string; at: number; durationMs?: number }[];
  events?: { name: string; at: number }[];
  endAfter?: number;
  escalated?: boolean;
  feedback?: string;
};

const at = (start: string, seconds: number) => new Date(Date.parse(start) + seconds * 1000).toISOString();

export async function seedConversation(workspaceId: string, s: ConversationSpec) {
  const k = () => randomUUID();
  const conversationId = s.id;
  const batch: unknown[] = [
    {
      id: k(), type: 'conversation', timestamp: s.startedAt,
      body: { id: s.id, avatarId: s.avatarId ?? 'bot', customerId: s.customerId, device: s.device, source: s.source, language: s.language, customerIpAddress: s.ip, startedAt: s.startedAt },
    },
    ...(s.messages ?? []).map(([role, content, t], i) => ({
      id: k(), type: 'message', timestamp: at(s.startedAt, t),
      body: { conversationId, id: `${s.id}-m${i}`, role, content, createdAt: at(s.startedAt, t), tokens: role === 'assistant' ? { prompt: 20, completion: 7 } : undefined },
    })),
    ...(s.tools ?? []).map((a) => ({ id: k(), type: 'action', body: { conversationId, name: a.name, startedAt: at(s.startedAt, a.at), durationMs: a.durationMs } })),
    ...(s.events ?? []).map((e) => ({ id: k(), type: 'event', body: { conversationId, name: e.name, timestamp: at(s.startedAt, e.at) } })),
  ];
  if (s.endAfter !== undefined || s.escalated || s.feedback) {
    batch.push({ id: k(), type: 'conversation.end', body: { conversationId, endedAt: at(s.startedAt, s.endAfter ?? 60), escalated: s.escalated, feedback: s.feedback } });
  }
  const { results } = await ingestBatch(workspaceId, { batch });
  const failed = results.filter((r) => r.status >= 400);
  if (failed.length) throw new Error(`seed failed: ${JSON.stringify(failed)}`);
}

/**
 * Marks a goal completed the way the goals engine will: a goal row, a completion, the conversation's
 * flag and its rollup fact (goal_conversations in the hour the conversation started).
 */
export async function completeGoal(workspaceId: string, conversationId: string, goalId: string) {
  await sql.begin(async (tx) => {
    await tx`INSERT INTO goals (workspace_id, id, name, trigger) VALUES (${workspaceId}::uuid, ${goalId}, ${`Goal ${goalId}`}, '{"type":"no_escalation"}')
      ON CONFLICT DO NOTHING`;
    await tx`INSERT INTO goal_completions (workspace_id, goal_id, conversation_id, avatar_id, completed_at, started_at)
      SELECT workspace_id, ${goalId}, id, avatar_id, started_at, started_at FROM conversations WHERE workspace_id = ${workspaceId}::uuid AND id = ${conversationId}`;
    const [c] = await tx<{ goal_reached: boolean; avatar_id: string; started_at: Date }[]>`
      SELECT goal_reached, avatar_id, started_at FROM conversations WHERE workspace_id = ${workspaceId}::uuid AND id = ${conversationId}`;
    if (c.goal_reached) return;
    await tx`UPDATE conversations SET goal_reached = true WHERE workspace_id = ${workspaceId}::uuid AND id = ${conversationId}`;
    await tx`UPDATE rollup_hourly SET goal_conversations = goal_conversations + 1
      WHERE workspace_id = ${workspaceId}::uuid AND avatar_id = ${c.avatar_id} AND bucket = date_trunc('hour', ${c.started_at}::timestamptz, 'UTC')`;
  });
}
