/**
 * Live goal evaluation inside the ingest transaction: the batch's new messages, tool calls and events,
 * and its conversations' end states, against the workspace's goals. Completions are written in the same
 * transaction; first completions also go to the event stream as `goal.completed`.
 */
import type { TransactionSql } from 'postgres';
import {
  conversationsWithCompletions,
  createSdkGoals,
  deleteCompletions,
  emitGoalCompleted,
  loadGoalDefinitions,
  moveCompletions,
  upsertCompletions,
  type GoalDefinitionRow,
  type StoredCompletion,
} from '@/db/queries/goal-completions';
import { syncGoalReached } from '@/db/queries/goals';
import { boundedCache } from '@/lib/bounded-cache';
import type { ConversationState, NewAction, NewEvent, NewMessage } from '@/lib/ingest/types';
import { endCompletions, endedWithoutEscalation, findCompletions, type Completion, type ConversationFacts } from './evaluate';
import { readStoredFacts } from './stored-facts';
import { compileGoal, GOAL_COMPLETED_EVENT, newGoalId, type CompiledGoal, type GoalTrigger } from './triggers';

const compiled = boundedCache<string, CompiledGoal>(5_000);

/** Compiles goal rows, reusing compiled patterns while a goal is unchanged. */
export function compileGoalRows(rows: GoalDefinitionRow[]): CompiledGoal[] {
  return rows.map((row) => {
    const key = `${row.id}|${row.updated_at.getTime()}|${JSON.stringify(row.trigger)}|${row.avatar_id}`;
    return compiled(key, () => compileGoal({ id: row.id, name: row.name, avatarId: row.avatar_id, trigger: row.trigger as GoalTrigger }));
  });
}

export const stateFacts = (s: ConversationState): ConversationFacts => ({
  id: s.id, avatarId: s.avatarId, startedAt: s.startedAt, ended: s.status === 'ended', escalated: s.escalated, endedAt: s.endedAt,
});

const endHolds = (s: ConversationState | null) => s !== null && endedWithoutEscalation(stateFacts(s));
const endKey = (s: ConversationState | null) => (endHolds(s) ? s!.endedAt!.getTime() : null);

export type LiveEntry = { before: ConversationState | null; state: ConversationState };

export type LiveInput = {
  entries: Map<string, LiveEntry>;
  /** Stored conversations that only the batch's events name, locked by the caller with the others. */
  eventConversations: Map<string, ConversationFacts>;
  messages: NewMessage[];
  actions: NewAction[];
  events: NewEvent[];
  /** The event types the workspace's enabled webhooks take at this moment: `goal.completed` is written only if one does. */
  subscribedEvents: ReadonlySet<string>;
};

/** New goals for the names SDK goal.completed events carry that the workspace has no goal for. */
async function sdkGoals(tx: TransactionSql, workspaceId: string, known: CompiledGoal[], events: NewEvent[]): Promise<GoalDefinitionRow[]> {
  const names = new Set(known.map((g) => g.name));
  const wanted = new Map<string, { id: string; name: string; trigger: GoalTrigger }>();
  for (const e of events) {
    const name = e.name === GOAL_COMPLETED_EVENT && e.conversationId ? e.properties?.goal : undefined;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 100 || names.has(name) || wanted.has(name)) continue;
    wanted.set(name, { id: newGoalId(), name, trigger: { type: 'event', name: GOAL_COMPLETED_EVENT, properties: { goal: name } } });
  }
  if (wanted.size === 0) return [];
  await createSdkGoals(tx, workspaceId, [...wanted.values()]);
  // A concurrent batch may have created some of them: read them all back.
  return (await loadGoalDefinitions(tx, workspaceId)).filter((r) => wanted.has(r.name));
}

/**
 * Evaluates the workspace's goals (read with the batch's other workspace rules) against the batch, writes completions, and sets `goalReached` on the
 * entries' states. Conversations outside `entries` (reached by events alone) get their flag in SQL.
 */
export async function evaluateGoalsLive(tx: TransactionSql, workspaceId: string, goalRows: GoalDefinitionRow[], input: LiveInput): Promise<void> {
  // Completions carry their conversation's avatar and start (goal analytics count by them): keep them current.
  const moved = [...input.entries.values()].filter(
    (e) => e.before?.goalReached && (e.before.avatarId !== e.state.avatarId || e.before.startedAt.getTime() !== e.state.startedAt.getTime()),
  );
  await moveCompletions(tx, workspaceId, moved.map((e) => ({ id: e.state.id, avatarId: e.state.avatarId, startedAt: e.state.startedAt })));

  const goals = compileGoalRows(goalRows);
  const events = input.events.filter((e) => e.conversationId);
  goals.push(...compileGoalRows(await sdkGoals(tx, workspaceId, goals, events)));
  if (goals.length === 0) return;

  const facts = new Map<string, ConversationFacts>();
  for (const [id, e] of input.entries) facts.set(id, stateFacts(e.state));
  const outsideFacts = new Map([...input.eventConversations].filter(([id]) => !facts.has(id)));
  for (const [id, f] of outsideFacts) facts.set(id, f);

  // A conversation whose avatar is named now, after facts of it arrived under `unknown`: goals of the named
  // avatar see everything it holds (this batch's facts are stored already; a fact seen twice counts once).
  const adopted = [...input.entries.values()].filter((e) => e.before && e.before.avatarId !== e.state.avatarId);
  const adoptedGoals = goals.filter((g) => g.avatarId !== null && adopted.some((e) => e.state.avatarId === g.avatarId));
  const held = await readStoredFacts(tx, workspaceId, adoptedGoals.length ? adopted.map((e) => e.state.id) : [], adoptedGoals);

  const found = findCompletions(goals, facts, {
    messages: [...input.messages, ...held.messages],
    actions: [...input.actions, ...held.actions],
    events: [
      ...events.map((e) => ({ conversationId: e.conversationId!, id: e.id, name: e.name, properties: e.properties, timestamp: e.timestamp })),
      ...held.events,
    ],
  });

  // "Ended without escalation" follows the conversation's end state: it holds at the end time, or not at all.
  const endChanged = [...input.entries.values()].filter((e) => endKey(e.before) !== endKey(e.state));
  const endHolding = new Map([...endChanged, ...(adoptedGoals.length ? adopted : [])].filter((e) => endHolds(e.state)).map((e) => [e.state.id, stateFacts(e.state)]));
  const ending = endCompletions(goals, endHolding.values());
  const endGoals = goals.filter((g) => g.trigger.type === 'no_escalation');
  const unending = endChanged
    .filter((e) => endHolds(e.before) && !endHolds(e.state))
    .flatMap((e) => endGoals.map((g) => ({ goalId: g.id, conversationId: e.state.id })));

  const [stored, storedEnds] = await Promise.all([
    upsertCompletions(tx, workspaceId, found, 'live'),
    upsertCompletions(tx, workspaceId, ending, 'live', { replace: true }),
    deleteCompletions(tx, workspaceId, unending),
  ]);

  const names = new Map(goals.map((g) => [g.id, g.name]));
  const firsts = firstCompletions([...found, ...ending], [...stored, ...storedEnds]);
  await emitGoalCompleted(tx, workspaceId, firsts.map((c) => ({ ...c, goalName: names.get(c.goalId)! })), input.subscribedEvents);

  // A conversation with a completion found now has reached a goal; one that only lost a completion is
  // asked whether another goal's remains.
  const completed = new Set([...found, ...ending].map((c) => c.conversationId));
  const lost = [...new Set(unending.map((c) => c.conversationId))].filter((id) => !completed.has(id) && input.entries.has(id));
  const stillReached = await conversationsWithCompletions(tx, workspaceId, lost);
  for (const id of completed) {
    const entry = input.entries.get(id);
    if (entry) entry.state.goalReached = true;
  }
  for (const id of lost) input.entries.get(id)!.state.goalReached = stillReached.has(id);
  await syncGoalReached(tx, workspaceId, [...completed].filter((id) => outsideFacts.has(id)));
}

function firstCompletions(candidates: Completion[], stored: StoredCompletion[]): Completion[] {
  const inserted = new Set(stored.filter((s) => s.inserted).map((s) => `${s.goal_id}\u0000${s.conversation_id}`));
  return candidates.filter((c) => inserted.delete(`${c.goalId}\u0000${c.conversationId}`));
}
