// Callbacks for an avatar widget (onConversationStart, onMessage, onConversationEnd,
// onGoalComplete) that queue the matching Confab ingestion calls and analytics events.
import type { ConfabClient } from './client';
import { generateId } from './ids';
import type { DateInput, Device, Feedback, JsonObject, MessageRole } from './types';

export type GoalRole = 'user' | 'assistant' | 'any';

/** Goals checked in the browser, mirroring the server's `pattern` and `phrases` triggers. */
export type ClientGoalTrigger =
  | { type: 'pattern'; pattern: RegExp | string; role?: GoalRole }
  | { type: 'phrases'; phrases: string[]; role?: GoalRole };

export interface ClientGoal {
  name: string;
  trigger: ClientGoalTrigger;
}

export interface TrackAvatarOptions {
  avatarId: string;
  customerId?: string;
  source?: string;
  device?: Device;
  language?: string;
  metadata?: JsonObject;
  /** Checked against each message (user messages unless the trigger says otherwise). */
  goals?: ClientGoal[];
}

export interface AvatarConversation {
  id: string;
  avatarId?: string;
}

export interface AvatarMessage {
  id?: string;
  role: MessageRole;
  content: string;
  /** Defaults to the conversation of the last onConversationStart. */
  conversationId?: string;
  avatarId?: string;
  createdAt?: DateInput;
  tokens?: { prompt?: number; completion?: number };
}

export interface AvatarConversationEnd {
  /** Defaults to the conversation of the last onConversationStart. */
  id?: string;
  duration?: number;
  messageCount?: number;
  feedback?: Feedback;
  escalated?: boolean;
}

export interface AvatarGoal {
  name: string;
  conversationId?: string;
  messageId?: string;
}

export interface AvatarCallbacks {
  onConversationStart(conversation: AvatarConversation): void;
  onMessage(message: AvatarMessage): void;
  onConversationEnd(conversation: AvatarConversationEnd): void;
  onGoalComplete(goal: AvatarGoal): void;
}

/**
 * The event a goal completion is sent as. The server records it as a completion of the goal
 * with that name (`properties.goal`) for the event's conversation — once per goal per
 * conversation — so a goal reached in the widget counts like one matched on the server.
 */
export const GOAL_COMPLETED_EVENT = 'goal.completed';

interface CompiledGoal {
  name: string;
  role: GoalRole;
  matches(content: string): boolean;
}

function compileGoal({ name, trigger }: ClientGoal): CompiledGoal {
  const role = trigger.role ?? 'user';
  if (trigger.type === 'pattern') {
    const source = trigger.pattern;
    // Without the g/y flags, test() keeps no lastIndex state between messages.
    const regex =
      typeof source === 'string' ? new RegExp(source, 'i') : new RegExp(source.source, source.flags.replace(/[gy]/g, ''));
    return { name, role, matches: (content) => regex.test(content) };
  }
  const phrases = trigger.phrases.map((p) => p.toLowerCase()).filter(Boolean);
  return { name, role, matches: (content) => phrases.some((p) => content.toLowerCase().includes(p)) };
}

interface ConversationState {
  avatarId: string;
  goalsReached: Set<string>;
}

export function trackAvatar(client: ConfabClient, options: TrackAvatarOptions): AvatarCallbacks {
  const goals = (options.goals ?? []).map(compileGoal);
  const conversations = new Map<string, ConversationState>();
  let currentConversationId: string | undefined;

  function onConversationStart(conversation: AvatarConversation) {
    currentConversationId = conversation.id;
    if (conversations.has(conversation.id)) return;
    const avatarId = conversation.avatarId ?? options.avatarId;
    conversations.set(conversation.id, { avatarId, goalsReached: new Set() });
    const { customerId, source, device, language, metadata } = options;
    client.enqueue.conversation({ id: conversation.id, avatarId, customerId, source, device, language, metadata });
    client.enqueue.event({
      name: 'avatar_conversation_started',
      conversationId: conversation.id,
      avatarId,
      properties: { conversationId: conversation.id, avatarId },
    });
  }

  function onGoalComplete(goal: AvatarGoal) {
    const conversationId = goal.conversationId ?? currentConversationId;
    const state = conversationId ? conversations.get(conversationId) : undefined;
    if (state?.goalsReached.has(goal.name)) return;
    state?.goalsReached.add(goal.name);
    client.enqueue.event({
      name: GOAL_COMPLETED_EVENT,
      conversationId,
      avatarId: state?.avatarId ?? options.avatarId,
      properties: { goal: goal.name, ...(goal.messageId ? { messageId: goal.messageId } : {}) },
    });
  }

  function onMessage(message: AvatarMessage) {
    // A message before any onConversationStart still gets a conversation to belong to.
    const conversationId = message.conversationId ?? currentConversationId ?? generateId();
    if (!conversations.has(conversationId)) onConversationStart({ id: conversationId, avatarId: message.avatarId });
    const avatarId = message.avatarId ?? conversations.get(conversationId)?.avatarId ?? options.avatarId;
    const messageId = message.id ?? generateId();
    const { role, content, createdAt, tokens } = message;
    client.enqueue.message(conversationId, { id: messageId, role, content, createdAt, tokens });
    client.enqueue.event({
      name: 'avatar_message',
      conversationId,
      avatarId,
      properties: { role, avatarId, conversationId, length: content.length },
    });
    for (const goal of goals) {
      if ((goal.role === 'any' || goal.role === role) && goal.matches(content)) {
        onGoalComplete({ name: goal.name, conversationId, messageId });
      }
    }
  }

  function onConversationEnd(conversation: AvatarConversationEnd) {
    const conversationId = conversation.id ?? currentConversationId;
    if (!conversationId) return;
    const avatarId = conversations.get(conversationId)?.avatarId ?? options.avatarId;
    const { duration, messageCount, feedback, escalated } = conversation;
    client.enqueue.end(conversationId, { feedback, escalated });
    client.enqueue.event({
      name: 'avatar_conversation_ended',
      conversationId,
      avatarId,
      properties: { conversationId, duration, messageCount },
    });
    // The state is kept: a late message or goal of this conversation must not start it again.
    if (currentConversationId === conversationId) currentConversationId = undefined;
  }

  return { onConversationStart, onMessage, onConversationEnd, onGoalComplete };
}
