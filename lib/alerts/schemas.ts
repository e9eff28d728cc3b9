/**
 * The alert rule of DESIGN §8 and its validation. A 422 names the path: `goalId` when
 * `goal_completion_rate` has none, `funnelId` for `funnel_conversion`, `window`, `condition.op`,
 * `channels.N.url` for a Slack URL that is not http(s), and so on.
 */
import { z } from 'zod';
import { identifier, timestamp } from '@/lib/ingest/parse/schema-primitives';
import { targetUrlSchema } from '@/lib/webhooks/targets';
import { ALERT_COMPARES, ALERT_METRICS, ALERT_OPS, ALERT_WINDOWS, NO_DATA_MODES, type AlertMetric } from './metric-names';

export {
  ALERT_COMPARES,
  ALERT_METRICS,
  ALERT_OPS,
  ALERT_WINDOWS,
  METRIC_LABELS,
  METRIC_UNITS,
  NO_DATA_MODES,
  WINDOW_HOURS,
  type AlertMetric,
  type AlertWindow,
  type NoDataMode,
} from './metric-names';

export const MAX_CHANNELS = 10;
export const MAX_EMAIL_RECIPIENTS = 20;
export const MAX_FOR_CHECKS = 100;

const LATEST_SNOOZE = Date.UTC(2100, 0, 1);

/** A snooze's end: a date-time with a timezone, in the future (and before 2100). */
export const snoozeTime = z
  .iso.datetime({ offset: true, abort: true, message: 'Must be an ISO 8601 date-time with a timezone, e.g. 2024-05-01T12:00:00Z' })
  .transform((s, ctx) => {
    const date = new Date(s);
    const t = date.getTime();
    if (Number.isFinite(t) && t > Date.now() && t < LATEST_SNOOZE) return date;
    ctx.addIssue({ code: 'custom', message: 'Must be in the future (and before 2100)' });
    return z.NEVER;
  });

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, `Must be one of ${values.join(', ')}`);

export const channelSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('email'),
      to: z
        .array(z.email('Must be an e-mail address').max(320))
        .min(1, 'Give at least one address')
        .max(MAX_EMAIL_RECIPIENTS, `At most ${MAX_EMAIL_RECIPIENTS} addresses`)
        .transform((list) => [...new Set(list.map((a) => a.toLowerCase()))]),
    }),
    z.strictObject({ type: z.literal('slack'), url: targetUrlSchema }),
    z.strictObject({ type: z.literal('webhook') }),
  ],
  { error: 'Must be an email, slack or webhook channel' },
);
export type AlertChannel = z.output<typeof channelSchema>;

const conditionSchema = z.strictObject({
  op: oneOf(ALERT_OPS),
  threshold: z.number('Must be a number').finite('Must be a finite number').min(-1e12).max(1e12),
  compare: oneOf(ALERT_COMPARES).default('value'),
});

const ruleFields = {
  name: z.string().trim().min(1, 'Must not be empty').max(200, 'Must be at most 200 characters').refine((s) => s.isWellFormed() && !/[\u0000]/.test(s), 'Must not contain invalid Unicode'),
  metric: oneOf(ALERT_METRICS),
  avatarId: identifier.nullish(),
  goalId: identifier.nullish(),
  funnelId: identifier.nullish(),
  /** 0-based; defaults to the funnel's last step. */
  funnelStep: z.number().int('Must be an integer').min(0, 'Must be at least 0').max(19, 'Must be at most 19').nullish(),
  window: oneOf(ALERT_WINDOWS),
  condition: conditionSchema,
  minConversations: z.number().int('Must be an integer').min(0, 'Must be at least 0').max(1_000_000).default(0),
  forChecks: z.number().int('Must be an integer').min(1, 'Must be at least 1').max(MAX_FOR_CHECKS, `Must be at most ${MAX_FOR_CHECKS}`).default(1),
  noData: oneOf(NO_DATA_MODES).default('ok'),
  channels: z.array(channelSchema).max(MAX_CHANNELS, `At most ${MAX_CHANNELS} channels`).default([]),
  enabled: z.boolean().default(true),
  snoozedUntil: snoozeTime.nullish(),
};

type RuleShape = { metric: AlertMetric; goalId?: string | null; funnelId?: string | null; funnelStep?: number | null };

/** The cross-field rules: a goal metric needs its goal, a funnel metric its funnel, and neither takes the other's. */
function checkTargets(rule: RuleShape, ctx: z.RefinementCtx) {
  if (rule.metric === 'goal_completion_rate' && !rule.goalId) ctx.addIssue({ code: 'custom', path: ['goalId'], message: 'goal_completion_rate needs a goalId' });
  if (rule.metric === 'funnel_conversion' && !rule.funnelId) ctx.addIssue({ code: 'custom', path: ['funnelId'], message: 'funnel_conversion needs a funnelId' });
  if (rule.metric !== 'goal_completion_rate' && rule.goalId) ctx.addIssue({ code: 'custom', path: ['goalId'], message: 'Only goal_completion_rate takes a goalId' });
  if (rule.metric !== 'funnel_conversion' && rule.funnelId) ctx.addIssue({ code: 'custom', path: ['funnelId'], message: 'Only funnel_conversion takes a funnelId' });
  if (rule.metric !== 'funnel_conversion' && rule.funnelStep != null) ctx.addIssue({ code: 'custom', path: ['funnelStep'], message: 'Only funnel_conversion takes a funnelStep' });
}

export const alertRuleSchema = z.strictObject(ruleFields).superRefine(checkTargets);
export type AlertRuleInput = z.input<typeof alertRuleSchema>;
export type AlertRuleFields = z.output<typeof alertRuleSchema>;

/** PATCH: any of the fields; the merged rule is validated whole again. */
export const alertRulePatchSchema = z.strictObject({
  name: ruleFields.name.optional(),
  metric: ruleFields.metric.optional(),
  avatarId: ruleFields.avatarId,
  goalId: ruleFields.goalId,
  funnelId: ruleFields.funnelId,
  funnelStep: ruleFields.funnelStep,
  window: ruleFields.window.optional(),
  condition: conditionSchema.optional(),
  minConversations: ruleFields.minConversations.unwrap().optional(),
  forChecks: ruleFields.forChecks.unwrap().optional(),
  noData: oneOf(NO_DATA_MODES).optional(),
  channels: z.array(channelSchema).max(MAX_CHANNELS, `At most ${MAX_CHANNELS} channels`).optional(),
  enabled: z.boolean().optional(),
  snoozedUntil: snoozeTime.nullish(),
});
export type AlertRulePatch = z.input<typeof alertRulePatchSchema>;

/** `until: null` ends a snooze. */
export const snoozeSchema = z.strictObject({ until: snoozeTime.nullable() });

/** The back-test's body: the rule as it would be saved (channels and name optional), and how far back. */
export const PREVIEW_PERIODS = ['1d', '7d', '14d', '30d', '60d', '90d'] as const;
export const PERIOD_HOURS: Record<(typeof PREVIEW_PERIODS)[number], number> = { '1d': 24, '7d': 168, '14d': 336, '30d': 720, '60d': 1440, '90d': 2160 };
export const previewSchema = z.strictObject({
  rule: z
    .strictObject({ ...ruleFields, name: ruleFields.name.optional() })
    .superRefine(checkTargets),
  period: oneOf(PREVIEW_PERIODS).default('30d'),
  /** The end of the back-test (default now): the last check is the last whole hour before it. */
  end: timestamp.optional(),
});
export type PreviewInput = z.input<typeof previewSchema>;

export const alertParamsSchema = z.object({ id: identifier });
export const alertEventsQuerySchema = z.object({
  limit: z.coerce.number().int('Must be an integer').min(1, 'Must be at least 1').max(200, 'Must be at most 200').default(50),
});
