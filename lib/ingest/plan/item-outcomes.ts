/**
 * The in-memory half of an ingest transaction: walks the items in input order over the locked
 * conversations, decides each item's status, and finishes the derived fields (first user message,
 * detected language) that depend on everything the batch brought.
 */
import { detectLanguage } from '@/lib/ingest/derive';
import type { PreparedItem } from '../derive/prepared-items';
import { compareMessages } from '../derive/response-times';
import type { ConversationState, ItemOutcome, NewMessage } from '../types';
import { actionKey, eventKey, messageKey } from './batch-plan';
import { applyAction, applyEnd, applyMessage, previewText, settleTimes, touchByGetOrCreate } from './conversation-state';

/** A locked conversation: as it was before this transaction (null if created by it) and as it becomes. */
export type ConversationEntry = { before: ConversationState | null; state: ConversationState; creator: number | null };

/** Keys of the rows the inserts reported as new, plus which item first carried each key. */
export type Inserted = { messages: Set<string>; actions: Set<string>; events: Set<string>; firstIndex: Map<string, number> };

// Detection stops once a conversation has this many user messages: by then the language is settled.
const LANGUAGE_SAMPLE_MESSAGES = 3;

export function runStatePass(items: PreparedItem[], entries: Map<string, ConversationEntry>, inserted: Inserted): ItemOutcome[] {
  const isFirstNew = (set: Set<string>, key: string, index: number) => set.has(key) && inserted.firstIndex.get(key) === index;
  return items.map((item): ItemOutcome => {
    if (item.type === 'event') {
      const created = isFirstNew(inserted.events, eventKey(item.event.id), item.index);
      return { status: created ? 201 : 200, objectId: item.event.id };
    }
    const entry = entries.get(item.conversationId)!;
    const conversationId = item.conversationId;
    switch (item.type) {
      case 'conversation':
        if (entry.creator === item.index) return { status: 201, conversationId };
        touchByGetOrCreate(entry.state, item);
        return { status: 200, conversationId };
      case 'conversation.initialize':
        // A repeated initialize changes nothing.
        return { status: entry.creator === item.index ? 201 : 200, conversationId };
      case 'message': {
        const isNew = isFirstNew(inserted.messages, messageKey(conversationId, item.message.id), item.index);
        if (isNew) applyMessage(entry.state, item.message);
        return { status: isNew ? 201 : 200, conversationId, objectId: item.message.id };
      }
      case 'action': {
        const isNew = isFirstNew(inserted.actions, actionKey(conversationId, item.action.id), item.index);
        if (isNew) applyAction(entry.state, item.action);
        return { status: isNew ? 201 : 200, conversationId, objectId: item.action.id };
      }
      case 'conversation.end':
        applyEnd(entry.state, item.body, item.at);
        return { status: 200, conversationId };
    }
  });
}

/**
 * Sets first_user_message (the stored earliest when `storedFirst` has it, else the earliest new one) and
 * the detected language while the conversation is young and has no language given by the client.
 */
export async function finishDerivedFields(
  entries: Map<string, ConversationEntry>,
  newMessages: NewMessage[],
  storedFirst: Map<string, string>,
): Promise<void> {
  const userTexts = new Map<string, NewMessage[]>();
  for (const m of newMessages) {
    if (m.role !== 'user') continue;
    const list = userTexts.get(m.conversationId);
    if (list) list.push(m);
    else userTexts.set(m.conversationId, [m]);
  }
  const detections: Promise<void>[] = [];
  for (const [conversationId, entry] of entries) {
    const s = entry.state;
    const fresh = userTexts.get(conversationId)?.sort(compareMessages);
    if (storedFirst.has(conversationId)) s.firstUserMessage = storedFirst.get(conversationId)!;
    else if (fresh && s.firstUserMessage === null) s.firstUserMessage = previewText(fresh[0].content);
    settleTimes(s);

    const priorUserMessages = entry.before?.userMessageCount ?? 0;
    if (!fresh || priorUserMessages >= LANGUAGE_SAMPLE_MESSAGES || (s.language !== null && !s.languageDetected)) continue;
    const texts = [...(entry.before?.firstUserMessage ? [entry.before.firstUserMessage] : []), ...fresh.map((m) => m.content)];
    detections.push(
      detectLanguage(texts.slice(0, LANGUAGE_SAMPLE_MESSAGES)).then((language) => {
        if (!language) return;
        s.language = language;
        s.languageDetected = true;
      }),
    );
  }
  await Promise.all(detections);
}
