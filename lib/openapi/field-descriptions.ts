/**
 * Prose for the fields of the ingest schemas, which carry no `.describe()` of their own. Keys are field
 * paths inside a component (`tokens.prompt`); the test fails when a key names a field that no longer exists.
 * A description set on the zod schema itself wins over the one here.
 */
import type { SchemaName } from './components';

const json64 = 'at most 64 KB as JSON';
const clientTime = (what: string) => `${what} (ISO 8601 with a timezone, from 2000 to one day ahead).`;
const avatarOnFirstContact =
  'Only used when this call is the first Confab hears of the conversation: it is created for this avatar (else for `unknown`, adopted by a later get-or-create).';

const conversation = {
  id: 'Your id for the conversation, unique in the workspace. Sending it again never creates a second conversation.',
  avatarId: 'The avatar or agent holding the conversation. An id Confab has not seen creates the avatar, named after the id.',
  customerId: 'Your id for the end user: counts unique users and lets you erase a customer’s data.',
  customerIpAddress: 'IPv4 or IPv6 address. Resolved to a country, then discarded — the IP is never stored.',
  device: 'When omitted, parsed from `userAgent`.',
  source: 'Where the conversation happened, e.g. `web`, `ios`, `kiosk`.',
  language: 'BCP 47 tag such as `en` or `pt-BR`. When omitted, detected from the user’s messages.',
  userAgent: 'The browser’s user agent, used to infer `device`.',
  metadata: `Any JSON object, ${json64}. \`metadata.feedback\` is read as feedback.`,
  startedAt: clientTime('When the conversation started; defaults to the earliest of now and its first message'),
};

const message = {
  id: 'Your message id. Makes the write idempotent: a resent id changes nothing.',
  role: 'Who wrote the message.',
  content: 'The message text.',
  createdAt: clientTime('When the message was sent; defaults to the time Confab receives it'),
  tokens: 'Token usage of this message, summed into the conversation and workspace totals.',
  'tokens.prompt': 'Prompt (input) tokens.',
  'tokens.completion': 'Completion (output) tokens.',
  metadata: `Any JSON object, ${json64}.`,
  avatarId: avatarOnFirstContact,
};

const action = {
  id: 'Your id for the tool call; a resent id changes nothing.',
  name: 'The tool’s name. Names in the workspace’s escalation list (e.g. `fallback_to_human`) mark the conversation escalated.',
  startedAt: clientTime('When the call started; defaults to now'),
  durationMs: 'How long the call took, in milliseconds.',
  status: 'Free text such as `success` or `error`.',
  input: `The tool’s arguments, any JSON value, ${json64}.`,
  output: `The tool’s result, any JSON value, ${json64}.`,
  avatarId: avatarOnFirstContact,
};

const end = {
  endedAt: clientTime('When the conversation ended; defaults to now'),
  feedback: 'The user’s verdict: `positive`/`negative`/`neutral` (also `thumbs_up`, `👍`…), a boolean, a 1–5 rating, or `{ rating, value }`.',
  escalated: 'Set `true` when the conversation was handed to a human outside of a tool call.',
  metadata: `Merged into the conversation’s metadata, ${json64}.`,
  avatarId: avatarOnFirstContact,
};

const goal = {
  name: 'Shown on the Goals page; unique in the workspace.',
  avatarId: 'Only this avatar’s conversations can complete the goal; omit (or null) for every avatar.',
  trigger: 'What completes the goal.',
};

const conversationId = { conversationId: 'The conversation this item belongs to (the `{id}` of the single endpoint’s URL).' };

export const fieldDescriptions: Partial<Record<SchemaName, Record<string, string>>> = {
  ConversationBody: conversation,
  MessageBody: message,
  MessageListBody: { messages: 'From 1 to 1,000 messages, stored in order.' },
  ActionBody: action,
  EndBody: end,
  EventBody: {
    id: 'Your event id; a resent id changes nothing.',
    name: 'The event’s name, e.g. `checkout_started`. Goals of type `event` match on it.',
    conversationId: 'The conversation the event happened in, if any.',
    avatarId: 'The avatar the event belongs to, if any.',
    properties: `Any JSON object, ${json64}.`,
    timestamp: clientTime('When it happened; defaults to now'),
  },
  BatchMessageBody: { ...message, ...conversationId },
  BatchActionBody: { ...action, ...conversationId },
  BatchEndBody: { ...end, ...conversationId },
  BatchRequest: {
    batch: 'Up to 1,000 items and 5 MB. Each item is validated and answered on its own.',
    'batch.id': 'Your id for the item: resending it is a no-op. Also the id of the message, action or event the item creates when its body has none.',
    'batch.type': 'The single endpoint the item stands for; decides the shape of `body`.',
    'batch.timestamp': clientTime('When the item happened: the default for the body’s own time (`startedAt`, `createdAt`, `endedAt`, `timestamp`)'),
  },
  GoalBody: goal,
  GoalPatch: goal,
  GoalTrigger: {
    type: 'The kind of trigger; decides the other fields.',
    pattern: '`pattern`: an RE2 regular expression searched in each message (case-sensitive unless it starts with `(?i)`; no look-around or back-references).',
    phrases: '`phrases`: words or phrases matched case-insensitively as whole words; spaces match any whitespace.',
    role: 'Whose messages are searched: `user` (default), `assistant` or `any`.',
    name: '`event`: the custom event’s name; `tool`: the tool call’s name.',
    properties: '`event`: property values the event must carry (equal scalars); others may be present too.',
  },
};

export const componentDescriptions: Partial<Record<SchemaName, string>> = {
  ConversationBody: 'A conversation as your avatar knows it.',
  MessageBody: 'One message of a conversation.',
  MessageListBody: 'Several messages of one conversation in one request.',
  MessageRequest: 'One message, or `{ messages: [...] }`.',
  ActionBody: 'A tool call the avatar made.',
  EndBody: 'How the conversation ended.',
  EventBody: 'A custom analytics event (`analytics.track`).',
  BatchMessageBody: 'A `message` item’s body: a message plus its `conversationId`.',
  BatchActionBody: 'An `action` item’s body: a tool call plus its `conversationId`.',
  BatchEndBody: 'A `conversation.end` item’s body: the end call plus its `conversationId`.',
  BatchRequest: 'Items of any type, applied in order in one transaction.',
  Error: 'Every error answer has this shape.',
  Conversation: 'A conversation as Confab stores it, with its derived counters.',
  Message: 'A stored message (the content is not echoed back).',
  MessageList: 'The stored messages of a list request.',
  Action: 'A stored tool call.',
  Event: 'A stored custom event.',
  BatchResult: 'One result per batch item.',
  ConversationPage: 'One page of conversations, newest first by default.',
  Transcript: 'A conversation with everything that happened in it.',
  ErasedCustomer: 'How many conversations were erased.',
  GoalTrigger: 'One of five trigger types: a pattern or phrase list on message text, a custom event, a tool call, or ending without escalation. A conversation completes a goal once.',
  GoalBody: 'A goal: a name, an optional avatar and a trigger.',
  GoalPatch: 'The goal fields to change.',
  Goal: 'A goal with the state of its back-fill.',
  GoalList: 'The workspace’s goals.',
  GoalAnalytics: 'Every goal’s completions for a range.',
  OneGoalAnalytics: 'One goal’s completions for a range.',
};
