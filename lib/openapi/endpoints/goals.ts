/** Goals (DESIGN §4): CRUD with scope `admin`, and their analytics with scope `read`. */
import { MAX_RANGE_DAYS } from '@/lib/analytics/range';
import { goalAnalyticsQuerySchema, goalParamsSchema } from '@/lib/goals/analytics';
import type { Endpoint, Example, ParamDocs } from '../types';

const goalId: ParamDocs = { id: { description: 'The goal’s id, as created.', example: 'goal_Qm9nF1xR3a2b' } };

const rangeDocs: ParamDocs = {
  period: {
    description: `The last N hours, days or weeks up to now: \`24h\`, \`7d\`, \`30d\`, \`4w\`. Default \`30d\`; at most ${MAX_RANGE_DAYS} days. Not together with \`start\`/\`end\`.`,
    example: '30d',
  },
  start: { description: 'First day of a custom range, `YYYY-MM-DD` in the workspace timezone. Needs `end`.' },
  end: { description: 'Last day of a custom range, inclusive. Needs `start`.' },
  avatarId: { description: 'Only this avatar’s conversations.' },
  groupBy: { description: 'Bucket size of each goal’s trend.', example: 'day' },
  limit: { description: 'How many of the latest completing conversations to list per goal.' },
};

const createExamples: Record<string, Example> = {
  template: {
    summary: 'Lead captured: the user gave an email address',
    value: { name: 'Lead captured', trigger: { type: 'pattern', pattern: '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+', role: 'user' } },
  },
  phrases: {
    summary: 'Question answered: the user said thanks, for one avatar',
    value: { name: 'Question answered', avatarId: 'support-bot', trigger: { type: 'phrases', phrases: ['thanks', 'thank you', 'that helped'] } },
  },
  event: {
    summary: 'A custom event with matching properties',
    value: { name: 'Pro checkout', trigger: { type: 'event', name: 'checkout_completed', properties: { plan: 'pro' } } },
  },
  tool: { summary: 'A tool call', value: { name: 'Demo booked', trigger: { type: 'tool', name: 'book_demo' } } },
  noEscalation: { summary: 'Ended without a human handoff', value: { name: 'Escalation avoided', trigger: { type: 'no_escalation' } } },
};

const crud = { tag: 'Goals', scope: 'admin' } as const;

export const goalEndpoints: Endpoint[] = [
  {
    ...crud,
    method: 'get',
    path: '/v1/goals',
    operationId: 'listGoals',
    summary: 'List goals',
    description: 'Every goal of the workspace with its trigger and the state of its back-fill.',
    responses: { 200: { description: 'The goals, oldest first.', schema: 'GoalList' } },
    errors: [401, 403, 429],
  },
  {
    ...crud,
    method: 'post',
    path: '/v1/goals',
    operationId: 'createGoal',
    summary: 'Create a goal',
    description:
      'A goal is completed at most once per conversation, by the first message, event or tool call that matches its trigger (`no_escalation`: when the conversation ends without an escalation). New data is evaluated as it arrives; the conversations already stored are back-filled by a background job — follow `backfill.status` and `backfill.progress`. Patterns are RE2 regular expressions (no look-around or back-references, linear time); an invalid one answers 422 with the reason at `trigger.pattern`. Names are unique in the workspace (409).',
    body: { schema: 'GoalBody', examples: createExamples },
    responses: { 201: { description: 'The goal, its back-fill queued.', schema: 'Goal' } },
    errors: [400, 401, 403, 409, 413, 422, 429],
  },
  {
    ...crud,
    method: 'get',
    path: '/v1/goals/{id}',
    operationId: 'getGoal',
    summary: 'Get a goal',
    description: 'One goal with the state of its back-fill.',
    pathParams: goalParamsSchema,
    paramDocs: goalId,
    responses: { 200: { description: 'The goal.', schema: 'Goal' } },
    errors: [401, 403, 404, 429],
  },
  {
    ...crud,
    method: 'patch',
    path: '/v1/goals/{id}',
    operationId: 'updateGoal',
    summary: 'Update a goal',
    description: 'Changes the fields sent. A new trigger or avatar replaces the goal’s completions through a new back-fill; a new name does not.',
    pathParams: goalParamsSchema,
    paramDocs: goalId,
    body: { schema: 'GoalPatch', examples: { rename: { summary: 'Rename it', value: { name: 'Demo requested' } } } },
    responses: { 200: { description: 'The goal as stored.', schema: 'Goal' } },
    errors: [400, 401, 403, 404, 409, 413, 422, 429],
  },
  {
    ...crud,
    method: 'delete',
    path: '/v1/goals/{id}',
    operationId: 'deleteGoal',
    summary: 'Delete a goal',
    description: 'Deletes the goal and its completions; conversations that completed no other goal stop counting as completed.',
    pathParams: goalParamsSchema,
    paramDocs: goalId,
    responses: { 204: { description: 'Deleted.' } },
    errors: [401, 403, 404, 429],
  },
  {
    method: 'get',
    path: '/v1/analytics/goals',
    operationId: 'getGoalAnalytics',
    tag: 'Analytics',
    summary: 'Goals',
    description:
      'Per goal: conversations started in the range that completed it, its completion rate (÷ conversations in the range, of the goal’s avatar when it has one), the trend per bucket, the split by avatar and the latest completing conversations.',
    scope: 'read',
    query: goalAnalyticsQuerySchema,
    paramDocs: rangeDocs,
    responses: { 200: { description: 'Every goal’s figures.', schema: 'GoalAnalytics' } },
    errors: [401, 403, 422, 429],
  },
  {
    method: 'get',
    path: '/v1/analytics/goals/{id}',
    operationId: 'getOneGoalAnalytics',
    tag: 'Analytics',
    summary: 'One goal',
    description: 'The figures of `/v1/analytics/goals` for one goal.',
    scope: 'read',
    pathParams: goalParamsSchema,
    query: goalAnalyticsQuerySchema,
    paramDocs: { ...rangeDocs, ...goalId },
    responses: { 200: { description: 'The goal’s figures.', schema: 'OneGoalAnalytics' } },
    errors: [401, 403, 404, 422, 429],
  },
];
