/** The analytics read endpoints (DESIGN §3–4, scope `read`), one registry entry each, with the routes' own query schemas. */
import { MAX_RANGE_DAYS } from '@/lib/analytics/range';
import { avatarParamsSchema, breakdownQuerySchema, escalationsQuerySchema, rangeQuerySchema, sentimentQuerySchema, timeSeriesQuerySchema } from '@/lib/analytics/schemas';
import type { Endpoint, ErrorStatus, ParamDocs } from '../types';

// 404 only if the key's workspace vanished; ranges that resolveRange rejects answer 422 naming the parameter.
const readErrors: ErrorStatus[] = [401, 403, 422, 429];

const rangeDocs: ParamDocs = {
  period: {
    description: `The last N hours, days or weeks up to now: \`24h\`, \`7d\`, \`30d\`, \`4w\` (days and weeks are whole local days, today included). Default \`30d\`; at most ${MAX_RANGE_DAYS} days. Not together with \`start\`/\`end\`.`,
    example: '30d',
  },
  start: { description: 'First day of a custom range, `YYYY-MM-DD` in the workspace timezone. Needs `end`.' },
  end: { description: 'Last day of a custom range, inclusive. Needs `start`.' },
  avatarId: { description: 'Only this avatar’s conversations.' },
  groupBy: { description: 'Bucket size.', example: 'day' },
  dimension: { description: 'What to break conversations down by; conversations without a value count as `unknown`.', example: 'device' },
  limit: { description: 'How many of the most negative conversations to list.' },
};

export const escalationEndpointExample = {
  total: 3,
  byReason: [
    { reason: 'fallback_to_human', conversations: 2, share: 0.6667 },
    { reason: 'end_call', conversations: 1, share: 0.3333 },
  ],
  byAvatar: [{ id: 'support-bot', name: 'Support Bot', conversations: 3, share: 1 }],
  groupBy: 'day',
  timezone: 'Europe/Berlin',
  series: [
    { date: '2025-05-01T00:00:00+02:00', escalations: 2 },
    { date: '2025-05-02T00:00:00+02:00', escalations: 1 },
  ],
  lastMessages: [
    { conversationId: 'conv_91ac', avatarId: 'support-bot', reason: 'end_call', escalatedAt: '2025-05-02T09:14:00.000Z', lastUserMessage: 'This is useless, let me talk to a person' },
    { conversationId: 'conv_8f2b', avatarId: 'support-bot', reason: 'fallback_to_human', escalatedAt: '2025-05-01T16:02:11.000Z', lastUserMessage: 'I want a refund for order 4417' },
    { conversationId: 'conv_77d0', avatarId: 'support-bot', reason: 'fallback_to_human', escalatedAt: '2025-05-01T10:40:05.000Z', lastUserMessage: 'How do I get a refund?' },
  ],
  phrases: [{ phrase: 'refund', conversations: 2, conversationIds: ['conv_8f2b', 'conv_77d0'] }],
  sampled: 3,
  period: { start: '2025-05-01T00:00:00+02:00', end: '2025-05-03T00:00:00+02:00', timezone: 'Europe/Berlin' },
};

const overviewDescription =
  'The headline numbers for a range: conversations, unique interactions, messages by role, mean duration and response time, tokens, goal completion and escalation rates, unique users, feedback and the busiest avatars.';

const breakdown = {
  tag: 'Analytics',
  scope: 'read',
  paramDocs: rangeDocs,
  responses: { 200: { description: 'Conversations per value, largest first, with each value’s share.', schema: 'Breakdown' } },
  errors: readErrors,
} as const;

export const analyticsEndpoints: Endpoint[] = [
  {
    method: 'get',
    path: '/v1/analytics/overview',
    operationId: 'getOverview',
    tag: 'Analytics',
    summary: 'Overview metrics',
    description: overviewDescription,
    scope: 'read',
    query: rangeQuerySchema,
    paramDocs: rangeDocs,
    responses: { 200: { description: 'The metrics of the range.', schema: 'Overview' } },
    errors: readErrors,
  },
  {
    method: 'get',
    path: '/v1/avatars/{avatarId}/analytics',
    operationId: 'getAvatarAnalytics',
    tag: 'Analytics',
    summary: 'One avatar’s metrics',
    description: 'The overview metrics of one avatar, with the avatar’s name.',
    scope: 'read',
    pathParams: avatarParamsSchema,
    query: rangeQuerySchema.omit({ avatarId: true }),
    paramDocs: { ...rangeDocs, avatarId: { description: 'The avatar’s id.', example: 'support-bot' }, period: { ...rangeDocs.period, example: '7d' } },
    responses: { 200: { description: 'The avatar’s metrics.', schema: 'AvatarOverview' } },
    errors: [401, 403, 404, 422, 429],
  },
  {
    method: 'get',
    path: '/v1/analytics/conversations',
    operationId: 'getConversationSeries',
    tag: 'Analytics',
    summary: 'Conversations over time',
    description: 'Conversations and messages per hour, day, week or month. Every bucket of the range is present (zero-filled), cut in the workspace timezone.',
    scope: 'read',
    query: timeSeriesQuerySchema,
    paramDocs: rangeDocs,
    responses: { 200: { description: 'The series.', schema: 'TimeSeries' } },
    errors: readErrors,
  },
  {
    method: 'get',
    path: '/v1/analytics/peak-hours',
    operationId: 'getPeakHours',
    tag: 'Analytics',
    summary: 'Peak hours',
    description: 'Messages by weekday and hour of day: all 7 × 24 cells, in the workspace timezone.',
    scope: 'read',
    query: rangeQuerySchema,
    paramDocs: rangeDocs,
    responses: { 200: { description: 'The grid.', schema: 'PeakHours' } },
    errors: readErrors,
  },
  {
    ...breakdown,
    method: 'get',
    path: '/v1/analytics/breakdowns',
    operationId: 'getBreakdown',
    summary: 'Breakdown',
    description: 'Conversations by device, source, language, country (from the IP address) or avatar.',
    query: breakdownQuerySchema,
  },
  {
    ...breakdown,
    method: 'get',
    path: '/v1/analytics/breakdowns/{dimension}',
    operationId: 'getBreakdownByPath',
    summary: 'Breakdown (dimension in the path)',
    description: 'The same as `/v1/analytics/breakdowns?dimension=…`.',
    pathParams: breakdownQuerySchema.pick({ dimension: true }),
    query: breakdownQuerySchema.omit({ dimension: true }),
  },
  {
    method: 'get',
    path: '/v1/analytics/tools',
    operationId: 'getToolUsage',
    tag: 'Analytics',
    summary: 'Tool usage',
    description: 'Calls, mean duration and escalations per tool name, most used first.',
    scope: 'read',
    query: rangeQuerySchema,
    paramDocs: rangeDocs,
    responses: { 200: { description: 'Per tool.', schema: 'ToolUsage' } },
    errors: readErrors,
  },
  {
    method: 'get',
    path: '/v1/analytics/sentiment',
    operationId: 'getSentiment',
    tag: 'Analytics',
    summary: 'Sentiment',
    description:
      'Conversations by sentiment (the mean VADER score of their user messages): totals and shares, a series, per avatar, per source, and the most negative conversations.',
    scope: 'read',
    query: sentimentQuerySchema,
    paramDocs: { ...rangeDocs, groupBy: { description: 'Bucket size of the series. Default: hours for ranges up to two days, else days.' } },
    responses: { 200: { description: 'The summary.', schema: 'Sentiment' } },
    errors: readErrors,
  },
  {
    method: 'get',
    path: '/v1/analytics/escalations',
    operationId: 'getEscalations',
    tag: 'Analytics',
    summary: 'Escalation reasons',
    description:
      'Escalated conversations of the range (DESIGN §3: a conversation started in the range with an escalation action or `escalated: true` on end counts once; `total` is `escalationRate`’s numerator) ' +
      'by reason (the tool name of the first escalation action, else `end_call`), by avatar and over time, with the last user message before each escalation and the words and phrases recurring in them. ' +
      'List the conversations of a reason with `GET /v1/conversations?escalationReason=…`.',
    scope: 'read',
    query: escalationsQuerySchema,
    paramDocs: {
      ...rangeDocs,
      groupBy: { description: 'Bucket size of the series. Default: hours for ranges up to two days, else days.' },
      limit: { description: 'How many of the latest escalations to list in `lastMessages`.' },
    },
    responses: { 200: { description: 'The escalations.', schema: 'Escalations', example: escalationEndpointExample } },
    errors: readErrors,
  },
];
