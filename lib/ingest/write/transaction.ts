/**
 * Applies validated ingest items in one transaction with a small, constant number of set-based
 * statements: lock existing conversations → insert messages, actions and events → fix response times
 * around late messages → compute states in memory → evaluate goals → insert new conversations complete
 * (goal flag included) → write changed conversations and rollup deltas. Concurrent batches lock rows in one order (db/lock-order.ts): the workspace's goals, then
 * every conversation the batch touches in a single ordered statement, so they wait for each other and do
 * not deadlock.
 */
import type { TransactionSql } from 'postgres';
import { ingestRecompute } from '@/db/queries/ingest-recompute';
import { ingestRollups } from '@/db/queries/ingest-rollups';
import { conversationRecord, ingestWrites } from '@/db/queries/ingest-writes';
import { emitEvents } from '@/db/queries/outbox';
import { notFound } from '@/lib/api/errors';
import { admitNewConversations } from '@/lib/billing/quota';
import { evaluateGoalsLive, stateFacts } from '@/lib/goals/live';
import type { ConversationFacts } from '@/lib/goals/evaluate';
import { UNKNOWN_AVATAR, type PreparedItem } from '../derive/prepared-items';
import { assignBatchResponseTimes, type StoredPredecessor } from '../derive/response-times';
import { moveStoredFacts } from '../plan/adopt-avatar';
import { actionKey, eventKey, messageKey, planItems } from '../plan/batch-plan';
import { conversationSentiment } from '../plan/conversation-state';
import { finishDerivedFields, runStatePass, type ConversationEntry, type Inserted } from '../plan/item-outcomes';
import { buildNewConversations, ConversationCreatedConcurrently } from '../plan/new-conversations';
import { RollupDeltas } from '../plan/rollup-deltas';
import { batchEvents } from '../plan/webhook-events';
import type { ApplyOptions, ApplyResult, IngestItem, ItemOutcome } from '../types';
import { rowToState } from './conversation-row';
import { idempotencyKeys } from './idempotency-keys';

export async function applyInTransaction(
  tx: TransactionSql,
  workspaceId: string,
  items: IngestItem[],
  all: PreparedItem[],
  options: ApplyOptions,
): Promise<ApplyResult & { afterCommit: (() => Promise<void>) | null }> {
  const writes = ingestWrites(tx);
  const recompute = ingestRecompute(tx);
  const rollups = ingestRollups(tx);

  const rules = await writes.workspaceRules(workspaceId);
  if (!rules) throw notFound('Workspace');
  let plan = planItems(all, rules.escalationToolNames);

  // 1. Lock the conversations that exist, those only events name included (goals may complete there);
  // compute the others' final state (inserted in step 7).
  const eventOnly = plan.events.flatMap((e) => (e.conversationId && !plan.firstItems.has(e.conversationId) ? [e.conversationId] : []));
  const lockIds = [...new Set([...plan.firstItems.keys(), ...eventOnly])];
  const rows = lockIds.length ? await writes.lockConversations(workspaceId, lockIds) : [];
  const existing = new Map<string, ConversationEntry>();
  const eventConversations = new Map<string, ConversationFacts>();
  for (const row of rows) {
    const before = rowToState(row);
    if (plan.firstItems.has(row.id)) existing.set(row.id, { before, state: { ...before }, creator: null });
    else eventConversations.set(row.id, stateFacts(before));
  }
  // Billing: new conversations past the plan's quota are refused, with all their items; existing ones never are.
  const quota = await admitNewConversations(tx, workspaceId, [...plan.firstItems.keys()].filter((id) => !existing.has(id)));
  const prepared = quota.refused.size ? all.filter((i) => i.type === 'event' || !quota.refused.has(i.conversationId)) : all;
  if (prepared !== all) plan = planItems(prepared, rules.escalationToolNames);
  const fresh = await buildNewConversations(prepared, plan, new Set(existing.keys()));
  const entries = new Map([...existing, ...fresh.entries]);

  // 2. Before inserting: the stored facts of conversations whose `unknown` avatar a get-or-create now names
  // (they move to that avatar), and the stored message before each conversation's incoming ones.
  const naming = new Set(prepared.flatMap((i) => (i.type === 'conversation' && i.body.avatarId !== UNKNOWN_AVATAR ? [i.conversationId] : [])));
  const adopting = [...existing.values()].filter((e) => e.before!.avatarId === UNKNOWN_AVATAR && naming.has(e.state.id)).map((e) => e.state.id);
  const withStored = [...plan.earliestMessage].filter(([id]) => (existing.get(id)?.before?.messageCount ?? 0) > 0);
  const [storedMessageFacts, storedToolFacts, neighbours] = await Promise.all([
    recompute.messageFacts(workspaceId, adopting),
    recompute.toolFacts(workspaceId, adopting),
    recompute.storedNeighbours(workspaceId, withStored.map(([c, t]) => ({ c, from_t: t }))),
  ]);
  // Messages that append to their conversation get their response times here; those interleaving with
  // stored ones (or replaying stored ids) are recomputed in SQL after the insert.
  const predecessors = new Map<string, StoredPredecessor>();
  const interleaved = new Set<string>();
  for (const n of neighbours) {
    if (n.last_at && n.last_at.getTime() >= plan.earliestMessage.get(n.c)!.getTime()) interleaved.add(n.c);
    else if (n.prev_at && n.prev_role) predecessors.set(n.c, { role: n.prev_role, createdAt: n.prev_at });
  }
  assignBatchResponseTimes(plan.messages, predecessors);

  // 3. Insert messages, actions and events; ON CONFLICT DO NOTHING tells which ones are new.
  const [messageRows, actionRows, eventRows] = await Promise.all([
    writes.insertMessages(workspaceId, plan.messages),
    writes.insertActions(workspaceId, plan.actions),
    writes.insertEvents(workspaceId, plan.events),
  ]);
  const inserted: Inserted = {
    messages: new Set(messageRows.map((r) => messageKey(r.conversation_id, r.id))),
    actions: new Set(actionRows.map((r) => actionKey(r.conversation_id, r.id))),
    events: new Set(eventRows.map((r) => eventKey(r.id))),
    firstIndex: plan.firstIndex,
  };
  const newMessages = plan.messages.filter((m) => inserted.messages.has(messageKey(m.conversationId, m.id)));
  const newActions = plan.actions.filter((a) => inserted.actions.has(actionKey(a.conversationId, a.id)));
  for (const m of plan.messages) {
    if (inserted.messages.has(messageKey(m.conversationId, m.id))) continue;
    // A conversation thought new has a stored message only if a concurrent batch created it meanwhile
    // (erasure removes messages with their conversation): retried, it is an existing one.
    if (fresh.entries.has(m.conversationId)) throw new ConversationCreatedConcurrently();
    interleaved.add(m.conversationId);
  }

  // 4. Response times around interleaved messages, and the earliest user message where an older one arrived.
  const olderUserMessage = newMessages.filter((m) => {
    const before = existing.get(m.conversationId)?.before;
    return m.role === 'user' && before?.firstUserMessage && m.createdAt.getTime() <= before.lastActivityAt.getTime();
  });
  const [responseTimeChanges, firstUserRows] = await Promise.all([
    recompute.recomputeResponseTimes(
      workspaceId,
      newMessages.filter((m) => interleaved.has(m.conversationId)).map((m) => ({ c: m.conversationId, t: m.createdAt })),
    ),
    recompute.firstUserMessages(workspaceId, [...new Set(olderUserMessage.map((m) => m.conversationId))]),
  ]);

  // 5. The existing conversations' new states, item by item in input order.
  const rest = prepared.filter((i) => !fresh.outcomes.has(i.index));
  const restOutcomes = new Map(runStatePass(rest, existing, inserted).map((o, k) => [rest[k].index, o]));
  const refused: ItemOutcome = { status: 429, refusal: quota.refusal! };
  const outcomes = all.map((i) => fresh.outcomes.get(i.index) ?? restOutcomes.get(i.index) ?? refused);
  await finishDerivedFields(
    existing,
    newMessages.filter((m) => existing.has(m.conversationId)),
    new Map(firstUserRows.map((r) => [r.conversation_id, r.content])),
  );

  // 6. Goals the batch completes (or, for "ended without escalation", no longer holds), in this transaction.
  await evaluateGoalsLive(tx, workspaceId, rules.goals, {
    entries,
    eventConversations,
    messages: newMessages,
    actions: newActions,
    events: plan.events.filter((e) => inserted.events.has(eventKey(e.id))),
    subscribedEvents: rules.subscribedEvents,
  });

  // 7. New conversations, written once and complete, goal flag included. If a concurrent batch created one
  // meanwhile, the insert waits for it and then skips it, and the transaction is retried.
  const created = await writes.insertConversations(workspaceId, [...fresh.entries.values()].map((e) => conversationRecord(e.state, conversationSentiment(e.state))));
  if (created.length !== fresh.entries.size) throw new ConversationCreatedConcurrently();

  // 8. Rollup deltas and the other writes.
  const deltas = new RollupDeltas();
  const changed: ConversationEntry[] = [];
  const avatars = new Set<string>();
  for (const entry of fresh.entries.values()) {
    deltas.changeConversation(null, entry.state);
    avatars.add(entry.state.avatarId);
  }
  for (const entry of existing.values()) {
    if (JSON.stringify(conversationRecord(entry.before!, null)) === JSON.stringify(conversationRecord(entry.state, null))) continue;
    changed.push(entry);
    deltas.changeConversation(entry.before, entry.state);
    if (entry.before!.avatarId !== entry.state.avatarId) avatars.add(entry.state.avatarId);
  }
  const avatarOf = (conversationId: string) => entries.get(conversationId)!.state.avatarId;
  for (const m of newMessages) deltas.addMessage(m, avatarOf(m.conversationId));
  for (const a of newActions) deltas.addAction(a, avatarOf(a.conversationId));
  for (const r of responseTimeChanges) deltas.changeResponseTime(r.created_at, avatarOf(r.conversation_id), r.old_rt, r.new_rt);
  moveStoredFacts(deltas, entries, storedMessageFacts, storedToolFacts);
  for (const e of plan.events) if (e.avatarId) avatars.add(e.avatarId);

  const keys = options.recordKeys ? idempotencyKeys(items, outcomes) : [];
  await Promise.all([
    writes.insertAvatars(workspaceId, [...avatars]),
    writes.updateConversations(workspaceId, changed.map((e) => conversationRecord(e.state, conversationSentiment(e.state)))),
    rollups.addCustomers(workspaceId, deltas.customerRows()),
    rollups.removeOrphanCustomers(workspaceId, deltas.leftCustomerRows()),
    writes.recordIdempotencyKeys(workspaceId, keys),
    // Only what an enabled endpoint takes at this moment goes to the event stream (none: the events are not even built).
    rules.subscribedEvents.size > 0 &&
      emitEvents(tx, workspaceId, batchEvents([...entries.values()].map((e) => ({ before: e.before, state: e.state })), newMessages, newActions), {
        subscribed: rules.subscribedEvents,
      }),
  ]);
  // Last, just before the commit: the counters every concurrent batch of the workspace adds to (an avatar's
  // hour, a country's day), so their row locks are held for these statements and the commit only.
  await Promise.all([
    rollups.addHourly(workspaceId, deltas.hourlyRows()),
    rollups.addDimensions(workspaceId, deltas.dimensionRows()),
    rollups.addTools(workspaceId, deltas.toolRows()),
  ]);
  return { outcomes, conversations: new Map([...entries].map(([id, e]) => [id, e.state])), afterCommit: quota.afterCommit };
}
