/** Reading, exporting and erasing conversations (DESIGN §4), one registry entry each. */
import { z } from 'zod';
import { conversationParamsSchema } from '@/lib/ingest/parse/schemas';
import { EXPORT_COLUMNS } from '@/db/queries/transcripts-export';
import { listQuerySchema } from '@/lib/transcripts/schemas';
import type { Endpoint, ParamDocs } from '../types';

const conversationId: ParamDocs = { id: { description: 'Your conversation id.', example: 'conv_8f2b1c9e' } };

const listDocs: ParamDocs = {
  start: { description: 'First day (`YYYY-MM-DD`, workspace timezone); use with `end`.', example: '2025-05-01' },
  end: { description: 'Last day, inclusive.', example: '2025-05-31' },
  period: { description: 'The last N hours, days or weeks (`24h`, `30d`, `4w`) instead of `start`/`end`.' },
  avatarId: { description: 'Only this avatar’s conversations.' },
  status: { description: 'Active or ended conversations only.' },
  escalated: { description: '`true`: only escalated conversations; `false`: only the others.' },
  escalationReason: {
    description: 'Only escalated conversations with this reason: the tool name of their first escalation action, or `end_call` (escalated by the end call alone), as `/v1/analytics/escalations` reports it.',
  },
  goal: { description: '`reached`, `none`, or a goal id that was completed.' },
  sentiment: { description: 'Conversations with this overall sentiment.' },
  device: { description: 'Only this device type.' },
  source: { description: 'Only this source, e.g. `web`.' },
  language: { description: 'Only this language tag.' },
  country: { description: 'Two-letter country code.' },
  customerId: { description: 'Only this customer’s conversations.' },
  q: { description: 'Text search in the messages.' },
  sort: { description: 'Sort key.' },
  order: { description: 'Sort direction.' },
  cursor: { description: '`nextCursor` or `prevCursor` of a previous page (JSON only).' },
  limit: { description: 'Page size (JSON only).' },
  format: { description: '`json` pages through results; `csv` streams every match in one response.', example: 'json' },
  rows: { description: 'CSV only: one row per conversation (default) or per message.' },
  type: { description: 'Alias of `rows`.' },
};

export const transcriptEndpoints: Endpoint[] = [
  {
    method: 'get',
    path: '/v1/conversations',
    operationId: 'listConversations',
    tag: 'Transcripts',
    summary: 'List or export conversations',
    description:
      'Conversations matching the filters. JSON answers one page at a time (keyset pagination: conversations arriving meanwhile never shift a page). ' +
      '`format=csv` streams every match with a header row, RFC 4180: UTF-8, CRLF record ends, cells holding a comma, quote or line break quoted. ' +
      "Cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading `'` against spreadsheet formula injection; timestamps are ISO 8601 UTC with milliseconds; an empty cell is an absent value. " +
      'An export reads one database snapshot, so conversations and messages arriving meanwhile neither split nor repeat it. ' +
      `Columns: ${EXPORT_COLUMNS.conversations.join(', ')}; with \`rows=messages\`: ${EXPORT_COLUMNS.messages.join(', ')}.`,
    scope: 'read',
    query: listQuerySchema,
    paramDocs: listDocs,
    responses: { 200: { description: 'A page of conversations, or with `format=csv` a CSV file.', schema: 'ConversationPage', csv: true } },
    errors: [401, 403, 422, 429],
  },
  {
    method: 'get',
    path: '/v1/conversations/{id}',
    operationId: 'getTranscript',
    tag: 'Transcripts',
    summary: 'Get a transcript',
    description: 'The whole conversation: its messages with timestamps, tokens and sentiment, tool calls (escalations marked), custom events and goal completions.',
    scope: 'read',
    pathParams: conversationParamsSchema,
    paramDocs: conversationId,
    responses: { 200: { description: 'The transcript.', schema: 'Transcript' } },
    errors: [401, 403, 404, 429],
  },
  {
    method: 'delete',
    path: '/v1/conversations/{id}',
    operationId: 'eraseConversation',
    tag: 'Transcripts',
    summary: 'Erase a conversation',
    description: 'Deletes the conversation with its messages, actions and events, and removes it from every metric (GDPR erasure). The erasure is recorded in the audit log.',
    scope: 'admin',
    pathParams: conversationParamsSchema,
    paramDocs: conversationId,
    responses: { 204: { description: 'Erased.' } },
    errors: [401, 403, 404, 429],
  },
  {
    method: 'delete',
    path: '/v1/customers/{customerId}',
    operationId: 'eraseCustomer',
    tag: 'Transcripts',
    summary: 'Erase a customer',
    description: 'Erases every conversation of one `customerId` (GDPR). The audit log keeps only a hash of the customer id.',
    scope: 'admin',
    pathParams: z.object({ customerId: z.string().min(1) }),
    paramDocs: { customerId: { description: 'The `customerId` your conversations were sent with.', example: 'cus_1042' } },
    responses: { 200: { description: 'How many conversations were erased.', schema: 'ErasedCustomer' } },
    errors: [401, 403, 429],
  },
];
