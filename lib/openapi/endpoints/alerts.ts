/** Alerts (DESIGN §8): rules with scope `admin` to write and `read` to read, their events, snooze and the back-test. */
import { alertEventsQuerySchema, alertParamsSchema } from '@/lib/alerts/schemas';
import type { Endpoint, Example, ParamDocs } from '../types';

const alertId: ParamDocs = { id: { description: 'The rule’s id, as created.', example: 'alr_Qm9nF1xR3a2b' } };

/** The product document's three rules, as the Alerts page's templates also give them. */
const createExamples: Record<string, Example> = {
  dailyConversations: {
    summary: 'Daily conversations drop below 50',
    value: { name: 'Daily conversations below 50', metric: 'conversations', window: '24h', condition: { op: 'below', threshold: 50 }, channels: [{ type: 'email', to: ['ops@example.com'] }] },
  },
  escalationRate: {
    summary: 'Escalation rate exceeds 10 %',
    value: {
      name: 'Escalation rate above 10 %',
      metric: 'escalation_rate',
      window: '24h',
      condition: { op: 'above', threshold: 0.1 },
      minConversations: 20,
      channels: [{ type: 'slack', url: 'https://hooks.slack.com/services/T000/B000/XXXX' }, { type: 'webhook' }],
    },
  },
  responseTime: {
    summary: 'Average response time exceeds 5 seconds',
    value: { name: 'Slow answers', metric: 'avg_response_time', window: '1h', condition: { op: 'above', threshold: 5000 }, forChecks: 2, channels: [{ type: 'email', to: ['oncall@example.com'] }] },
  },
  weeklyDrop: {
    summary: 'Conversations down 30 % week over week',
    value: { name: 'Traffic falling', metric: 'conversations', window: '7d', condition: { op: 'below', threshold: -0.3, compare: 'change' }, channels: [{ type: 'webhook' }] },
  },
};

const write = { tag: 'Alerts', scope: 'admin' } as const;
const read = { tag: 'Alerts', scope: 'read' } as const;

const RULE_NOTES =
  'Metrics are DESIGN §3’s definitions over a rolling window ending at the check; an hour counts when it starts in the window (the rollups’ rule), so the window of a check at 10:20 with `window: "1h"` is the hour 10:00–11:00 so far. Rates are fractions 0..1, `avg_duration` is seconds, `avg_response_time` ms. `negative_sentiment_rate` is over the conversations with a sentiment (at least one user message), `negative_feedback_rate` over those with feedback. `compare: "change"` holds the relative change against the window before (−0.3 = down 30 %) to the threshold. `noData` (default `ok`) decides a check without data (no value, nothing to compare against, or fewer than `minConversations` conversations): `ok` counts as not breaching, `keep` changes nothing, `alert` counts as breaching.';

export const alertEndpoints: Endpoint[] = [
  {
    ...read,
    method: 'get',
    path: '/v1/alerts',
    operationId: 'listAlerts',
    summary: 'List alert rules',
    description: 'Every rule of the workspace with its state, the last check’s value and its recent checks.',
    responses: { 200: { description: 'The rules, oldest first.', schema: 'AlertRuleList' } },
    errors: [401, 403, 429],
  },
  {
    ...write,
    method: 'post',
    path: '/v1/alerts',
    operationId: 'createAlert',
    summary: 'Create an alert rule',
    description: `${RULE_NOTES} \`goal_completion_rate\` takes a \`goalId\` (from \`/v1/goals\`), \`funnel_conversion\` a \`funnelId\` and an optional 0-based \`funnelStep\`. A metric that needs a \`goalId\` or \`funnelId\` without it, an unknown metric, window or operator, a goal, funnel or avatar the workspace does not have, or a Slack URL that is not http(s) to a public host is a 422 at its path.`,
    body: { schema: 'AlertBody', examples: createExamples },
    responses: { 201: { description: 'The rule.', schema: 'AlertRule' } },
    errors: [400, 401, 403, 413, 422, 429],
  },
  {
    ...read,
    method: 'get',
    path: '/v1/alerts/{id}',
    operationId: 'getAlert',
    summary: 'Get an alert rule',
    description: 'One rule with `state` (`ok` or `firing`) and the last check’s `value`. Another workspace’s rule is a 404.',
    pathParams: alertParamsSchema,
    paramDocs: alertId,
    responses: { 200: { description: 'The rule.', schema: 'AlertRule' } },
    errors: [401, 403, 404, 422, 429],
  },
  {
    ...write,
    method: 'patch',
    path: '/v1/alerts/{id}',
    operationId: 'updateAlert',
    summary: 'Update an alert rule',
    description: 'Changes the fields sent (a `condition` is replaced whole); the merged rule is validated as on create. A change to what the rule measures (metric, scope, window, condition, `forChecks`, `minConversations`, `noData`) restarts its state at `ok`.',
    pathParams: alertParamsSchema,
    paramDocs: alertId,
    body: { schema: 'AlertPatch', examples: { threshold: { summary: 'Raise the threshold', value: { condition: { op: 'above', threshold: 0.15 } } }, disable: { summary: 'Turn it off', value: { enabled: false } } } },
    responses: { 200: { description: 'The rule.', schema: 'AlertRule' } },
    errors: [400, 401, 403, 404, 413, 422, 429],
  },
  {
    ...write,
    method: 'delete',
    path: '/v1/alerts/{id}',
    operationId: 'deleteAlert',
    summary: 'Delete an alert rule',
    description: 'Deletes the rule and its history.',
    pathParams: alertParamsSchema,
    paramDocs: alertId,
    responses: { 204: { description: 'Deleted.' } },
    errors: [401, 403, 404, 422, 429],
  },
  {
    ...read,
    method: 'get',
    path: '/v1/alerts/{id}/events',
    operationId: 'listAlertEvents',
    summary: 'List a rule’s events',
    description: 'The rule’s `fired` and `resolved` transitions, newest first (`limit` up to 200, default 50), each with the value, the threshold and the outcome of each notification.',
    pathParams: alertParamsSchema,
    query: alertEventsQuerySchema,
    paramDocs: { ...alertId, limit: { description: 'How many, 1–200.' } },
    responses: { 200: { description: 'The events.', schema: 'AlertEventList' } },
    errors: [401, 403, 404, 422, 429],
  },
  {
    ...write,
    method: 'post',
    path: '/v1/alerts/{id}/snooze',
    operationId: 'snoozeAlert',
    summary: 'Snooze an alert rule',
    description: 'Until `until` (in the future) the rule is still checked and its state still moves, and its transitions are recorded with `snoozed: true`, but no channel is told. `until: null` ends the snooze.',
    pathParams: alertParamsSchema,
    paramDocs: alertId,
    body: { schema: 'AlertSnoozeBody', examples: { day: { summary: 'Snooze until a time', value: { until: '2030-01-01T09:00:00Z' } }, end: { summary: 'End the snooze', value: { until: null } } } },
    responses: { 200: { description: 'The rule.', schema: 'AlertRule' } },
    errors: [400, 401, 403, 404, 413, 422, 429],
  },
  {
    ...read,
    method: 'post',
    path: '/v1/alerts/preview',
    operationId: 'previewAlert',
    summary: 'Back-test a rule',
    description:
      'Replays the rule’s state machine over history at an hourly step — the same readings and steps as the checker, so it equals running `evaluate-alerts --at` hour by hour — and returns each firing, the seconds spent firing and the series held against the threshold. Nothing is saved; `name` and `channels` may be left out. `period` is `1d`, `7d`, `14d`, `30d` (default), `60d` or `90d`; `end` (default now) moves the last check back.',
    body: {
      schema: 'AlertPreviewBody',
      examples: { escalation: { summary: 'Escalation rate above 10 % over 30 days', value: { rule: { metric: 'escalation_rate', window: '24h', condition: { op: 'above', threshold: 0.1 } }, period: '30d' } } },
    },
    responses: { 200: { description: 'The back-test.', schema: 'AlertPreview' } },
    errors: [400, 401, 403, 413, 422, 429],
  },
];
