/** Funnels (DESIGN §4): management (scope `admin`) and their figures (scope `read`), one registry entry each. */
import { MAX_RANGE_DAYS } from '@/lib/analytics/range';
import { rangeQuerySchema } from '@/lib/analytics/schemas';
import { funnelParamsSchema, type FunnelInput } from '@/lib/funnels/schemas';
import type { Endpoint, ErrorStatus, ParamDocs } from '../types';

const funnelId: ParamDocs = { id: { description: 'The funnel’s id, as `POST /v1/funnels` answered it.', example: 'fnl_4kX9pQ2mZt7a' } };
const manageErrors: ErrorStatus[] = [401, 403, 404, 429];
const writeErrors: ErrorStatus[] = [400, 401, 403, 413, 422, 429];

const STEP_RULES =
  'A funnel is 2–8 steps, evaluated per conversation in order. Its population is the conversations that started in the range (of the `avatarId` filter, and of the funnel’s own `avatarId`). Each step has a time: a conversation reaches step k when it reached step k−1 and: `conversation_started` — always (only as the first step; its time is the conversation’s start); `goal` — it completed `goalId` at or after the previous step’s time; `event` — its earliest event named `name` (whose properties hold every given `properties` value, like PostgreSQL `@>`) at or after the previous step’s time; `tool` — its earliest tool call named `name` at or after the previous step’s time; `user_messages` — it has at least `count` user messages (1–1000). `user_messages` measures depth and does not move the step time, which keeps funnels answerable from counters. Before the first step the time is the conversation’s start, so a funnel may begin with an event, a tool or a goal.';

const checkout: FunnelInput = {
  name: 'Support to checkout',
  steps: [
    { type: 'conversation_started' },
    { type: 'user_messages', count: 3, label: 'Engaged (3+ messages)' },
    { type: 'tool', name: 'lookup_order' },
    { type: 'event', name: 'checkout_clicked', properties: { plan: 'pro' } },
  ],
};

export const funnelEndpoints: Endpoint[] = [
  {
    method: 'get',
    path: '/v1/funnels',
    operationId: 'listFunnels',
    tag: 'Funnels',
    summary: 'List funnels',
    description: 'The workspace’s funnels, oldest first.',
    scope: 'admin',
    responses: { 200: { description: 'Every funnel.', schema: 'FunnelList' } },
    errors: [401, 403, 429],
  },
  {
    method: 'post',
    path: '/v1/funnels',
    operationId: 'createFunnel',
    tag: 'Funnels',
    summary: 'Create a funnel',
    description: `${STEP_RULES} A \`goal\` step must name a goal of this workspace (else 422 at \`steps.N.goalId\`). Each step may carry a \`label\` for the chart.`,
    scope: 'admin',
    body: {
      schema: 'FunnelBody',
      examples: {
        checkout: { summary: 'From a conversation to a checkout', value: checkout },
        avatar: {
          summary: 'One avatar, starting at a tool call',
          value: { name: 'Escalations after search', avatarId: 'support-bot', steps: [{ type: 'tool', name: 'search_kb' }, { type: 'tool', name: 'fallback_to_human' }] },
        },
      },
    },
    responses: { 201: { description: 'Created.', schema: 'Funnel' } },
    errors: writeErrors,
  },
  {
    method: 'get',
    path: '/v1/funnels/{id}',
    operationId: 'getFunnel',
    tag: 'Funnels',
    summary: 'Get a funnel',
    description: 'One funnel with its steps.',
    scope: 'admin',
    pathParams: funnelParamsSchema,
    paramDocs: funnelId,
    responses: { 200: { description: 'The funnel.', schema: 'Funnel' } },
    errors: manageErrors,
  },
  {
    method: 'patch',
    path: '/v1/funnels/{id}',
    operationId: 'updateFunnel',
    tag: 'Funnels',
    summary: 'Update a funnel',
    description: 'Changes the fields given. `steps` replaces the whole list; `avatarId: null` counts every avatar again.',
    scope: 'admin',
    pathParams: funnelParamsSchema,
    paramDocs: funnelId,
    body: { schema: 'FunnelPatch', examples: { rename: { summary: 'Rename it', value: { name: 'Support to checkout (pro)' } } } },
    responses: { 200: { description: 'The funnel as changed.', schema: 'Funnel' } },
    errors: [...writeErrors, 404],
  },
  {
    method: 'delete',
    path: '/v1/funnels/{id}',
    operationId: 'deleteFunnel',
    tag: 'Funnels',
    summary: 'Delete a funnel',
    description: 'Deletes the funnel. Conversations, goals and events are not touched.',
    scope: 'admin',
    pathParams: funnelParamsSchema,
    paramDocs: funnelId,
    responses: { 204: { description: 'Deleted.' } },
    errors: manageErrors,
  },
  {
    method: 'get',
    path: '/v1/analytics/funnels/{id}',
    operationId: 'getFunnelAnalytics',
    tag: 'Funnels',
    summary: 'Funnel figures',
    description: `Conversations reaching each step, with step-to-step and overall conversion (fractions 0–1) and drop-off (conversations lost since the previous step). ${STEP_RULES}`,
    scope: 'read',
    pathParams: funnelParamsSchema,
    query: rangeQuerySchema,
    paramDocs: {
      ...funnelId,
      period: { description: `The last N hours, days or weeks (\`24h\`, \`7d\`, \`30d\`, \`4w\`). Default \`30d\`; at most ${MAX_RANGE_DAYS} days. Not together with \`start\`/\`end\`.`, example: '30d' },
      start: { description: 'First day of a custom range, `YYYY-MM-DD` in the workspace timezone. Needs `end`.' },
      end: { description: 'Last day of a custom range, inclusive. Needs `start`.' },
      avatarId: { description: 'Only this avatar’s conversations (on top of the funnel’s own `avatarId`).' },
    },
    responses: { 200: { description: 'The funnel’s figures for the range.', schema: 'FunnelReport' } },
    errors: [401, 403, 404, 422, 429],
  },
];
