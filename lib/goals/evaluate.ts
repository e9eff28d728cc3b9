/**
 * Which messages, tool calls, events and endings complete which goals. Live evaluation (in the ingest
 * transaction) and the back-fill both decide through these functions, so they give the same answers:
 * a goal completes once per conversation, at the earliest fact that matches it, except "ended without
 * escalation", which holds exactly while the conversation is ended and not escalated, at its end time.
 */
import { eventCompletes, roleMatches, type CompiledGoal } from './triggers';

export type CompletionSource = 'live' | 'backfill';

export type Completion = {
  goalId: string;
  conversationId: string;
  avatarId: string;
  completedAt: Date;
  startedAt: Date;
  messageId: string | null;
  eventId: string | null;
  actionId: string | null;
};

/** What a conversation is, as far as goals care. */
export type ConversationFacts = { id: string; avatarId: string; startedAt: Date; ended: boolean; escalated: boolean; endedAt: Date | null };

export type MessageFact = { conversationId: string; id: string; role: string; content: string; createdAt: Date };
export type ActionFact = { conversationId: string; id: string; name: string; startedAt: Date };
export type EventFact = { conversationId: string; id: string; name: string; properties: Record<string, unknown> | null; timestamp: Date };

export const appliesTo = (goal: CompiledGoal, conversation: ConversationFacts) => goal.avatarId === null || goal.avatarId === conversation.avatarId;

export function messageCompletes(goal: CompiledGoal, message: MessageFact): boolean {
  return goal.text !== null && roleMatches(goal.text.role, message.role) && goal.text.re.test(message.content);
}

export function actionCompletes(goal: CompiledGoal, action: ActionFact): boolean {
  return goal.trigger.type === 'tool' && goal.trigger.name === action.name;
}

/** The conversation, as it is now, ended without escalation. */
export const endedWithoutEscalation = (c: ConversationFacts) => c.ended && !c.escalated && c.endedAt !== null;

/** "Ended without escalation" holds for the conversation as it is now. */
export function endCompletes(goal: CompiledGoal, c: ConversationFacts): boolean {
  return goal.trigger.type === 'no_escalation' && endedWithoutEscalation(c);
}

const base = (goal: CompiledGoal, c: ConversationFacts) => ({ goalId: goal.id, conversationId: c.id, avatarId: c.avatarId, startedAt: c.startedAt });

/** Orders candidates: earlier first; at the same time by kind and id, so every evaluator picks the same one. */
function earlier(a: Completion, b: Completion): boolean {
  const dt = a.completedAt.getTime() - b.completedAt.getTime();
  if (dt !== 0) return dt < 0;
  return `${a.messageId ?? ''}|${a.actionId ?? ''}|${a.eventId ?? ''}` < `${b.messageId ?? ''}|${b.actionId ?? ''}|${b.eventId ?? ''}`;
}

/**
 * The earliest completion of each (goal, conversation) among the given facts. `conversations` must
 * hold every conversation the facts belong to; facts of others are skipped.
 */
export function findCompletions(
  goals: CompiledGoal[],
  conversations: Map<string, ConversationFacts>,
  facts: { messages?: MessageFact[]; actions?: ActionFact[]; events?: EventFact[] },
): Completion[] {
  const best = new Map<string, Completion>();
  const offer = (candidate: Completion) => {
    const key = `${candidate.goalId}\u0000${candidate.conversationId}`;
    const current = best.get(key);
    if (!current || earlier(candidate, current)) best.set(key, candidate);
  };
  const textGoals = goals.filter((g) => g.text !== null);
  const toolGoals = goals.filter((g) => g.trigger.type === 'tool');
  for (const m of facts.messages ?? []) {
    const c = conversations.get(m.conversationId);
    if (!c) continue;
    for (const g of textGoals) {
      if (appliesTo(g, c) && messageCompletes(g, m)) offer({ ...base(g, c), completedAt: m.createdAt, messageId: m.id, eventId: null, actionId: null });
    }
  }
  for (const a of facts.actions ?? []) {
    const c = conversations.get(a.conversationId);
    if (!c) continue;
    for (const g of toolGoals) {
      if (appliesTo(g, c) && actionCompletes(g, a)) offer({ ...base(g, c), completedAt: a.startedAt, messageId: null, eventId: null, actionId: a.id });
    }
  }
  for (const e of facts.events ?? []) {
    const c = conversations.get(e.conversationId);
    if (!c) continue;
    for (const g of goals) {
      if (appliesTo(g, c) && eventCompletes(g, e.name, e.properties)) offer({ ...base(g, c), completedAt: e.timestamp, messageId: null, eventId: e.id, actionId: null });
    }
  }
  return [...best.values()];
}

/** The "ended without escalation" completions the conversations hold now. */
export function endCompletions(goals: CompiledGoal[], conversations: Iterable<ConversationFacts>): Completion[] {
  const out: Completion[] = [];
  const endGoals = goals.filter((g) => g.trigger.type === 'no_escalation');
  if (endGoals.length === 0) return out;
  for (const c of conversations) {
    for (const g of endGoals) {
      if (appliesTo(g, c) && endCompletes(g, c)) out.push({ ...base(g, c), completedAt: c.endedAt!, messageId: null, eventId: null, actionId: null });
    }
  }
  return out;
}
