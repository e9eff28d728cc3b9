/** A full transcript: the conversation with its messages, tool calls, events and goal completions. */
import { selectConversation, selectTranscriptParts } from '@/db/queries/transcripts-read';

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : null);

export async function getTranscript(workspaceId: string, id: string) {
  const c = await selectConversation(workspaceId, id);
  if (!c) return null;
  const parts = await selectTranscriptParts(workspaceId, id);
  const prompt = Number(c.prompt_tokens);
  const completion = Number(c.completion_tokens);
  const startedAt = c.started_at as Date;
  const endedAt = (c.ended_at as Date | null) ?? null;
  return {
    id: c.id as string,
    avatarId: c.avatar_id as string,
    avatarName: c.avatar_name as string,
    customerId: (c.customer_id as string | null) ?? null,
    status: c.status as 'active' | 'ended',
    startedAt: startedAt.toISOString(),
    endedAt: iso(endedAt),
    lastActivityAt: iso(c.last_activity_at),
    duration: endedAt ? (endedAt.getTime() - startedAt.getTime()) / 1000 : null,
    device: (c.device as string | null) ?? null,
    source: (c.source as string | null) ?? null,
    language: (c.language as string | null) ?? null,
    country: (c.country as string | null) ?? null,
    metadata: (c.metadata as Record<string, unknown> | null) ?? null,
    feedback: (c.feedback as string | null) ?? null,
    feedbackRating: (c.feedback_rating as number | null) ?? null,
    escalated: c.escalated as boolean,
    escalatedAt: iso(c.escalated_at),
    goalReached: c.goal_reached as boolean,
    sentiment:
      c.sentiment_score === null || c.sentiment_label === null
        ? null
        : { score: c.sentiment_score as number, label: c.sentiment_label as 'positive' | 'neutral' | 'negative' },
    tokens: { prompt, completion, total: prompt + completion },
    messages: parts.messages.map((m) => ({
      id: m.id,
      role: m.role,
      content: m.content,
      createdAt: m.created_at.toISOString(),
      tokens: { prompt: m.prompt_tokens, completion: m.completion_tokens },
      responseTimeMs: m.response_time_ms,
      sentiment: m.sentiment_score === null ? null : { score: m.sentiment_score, label: m.sentiment_label as 'positive' | 'neutral' | 'negative' },
      metadata: m.metadata,
    })),
    actions: parts.actions.map((a) => ({
      id: a.id,
      name: a.name,
      startedAt: a.started_at.toISOString(),
      durationMs: a.duration_ms,
      status: a.status,
      input: a.input ?? null,
      output: a.output ?? null,
      isEscalation: a.is_escalation,
    })),
    events: parts.events.map((e) => ({ id: e.id, name: e.name, properties: e.properties, timestamp: e.timestamp.toISOString() })),
    goalCompletions: parts.goals.map((g) => ({
      goalId: g.goal_id,
      name: g.name ?? g.goal_id,
      completedAt: g.completed_at.toISOString(),
      messageId: g.message_id,
      eventId: g.event_id,
      actionId: g.action_id,
      source: g.source,
    })),
  };
}

export type Transcript = NonNullable<Awaited<ReturnType<typeof getTranscript>>>;
