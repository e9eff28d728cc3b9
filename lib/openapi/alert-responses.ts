/** zod schemas of the alert answers (lib/alerts/service and lib/alerts/preview return these shapes; alert tests pin them). */
import { z } from 'zod';
import { channelSchema, ALERT_METRICS, ALERT_WINDOWS, ALERT_OPS, ALERT_COMPARES, NO_DATA_MODES } from '@/lib/alerts/schemas';

const dateTime = z.iso.datetime({ offset: true });

export const alertRuleSchema = z.object({
  id: z.string().describe('Confab’s id for the rule (`alr_…`)'),
  name: z.string(),
  metric: z.enum(ALERT_METRICS),
  avatarId: z.string().nullable().describe('Only this avatar’s conversations; null for all'),
  goalId: z.string().nullable().describe('The goal of `goal_completion_rate`'),
  funnelId: z.string().nullable().describe('The funnel of `funnel_conversion`'),
  funnelStep: z.number().int().nullable().describe('0-based step of the funnel; null for its last step'),
  window: z.enum(ALERT_WINDOWS),
  condition: z.object({ op: z.enum(ALERT_OPS), threshold: z.number(), compare: z.enum(ALERT_COMPARES) }),
  minConversations: z.number().int().min(0),
  forChecks: z.number().int().min(1),
  noData: z.enum(NO_DATA_MODES),
  channels: z.array(channelSchema),
  enabled: z.boolean(),
  snoozedUntil: dateTime.nullable(),
  state: z.enum(['ok', 'firing']).describe('The state machine’s state after the last check'),
  value: z.number().nullable().describe('What the last check held against the threshold (the value, or the relative change); null without data or before the first check'),
  hasData: z.boolean().nullable().describe('False when the last check had no data; null before the first check'),
  checkedAt: dateTime.nullable().describe('When the rule was last checked'),
  recentChecks: z.array(z.object({ at: dateTime, value: z.number().nullable() })).describe('Up to the last 48 checks, oldest first'),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export const alertRuleListSchema = z.object({ data: z.array(alertRuleSchema).describe('Oldest first') });

export const alertEventSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  status: z.enum(['fired', 'resolved']),
  value: z.number().nullable().describe('What the check held against the threshold; null for a no-data check'),
  threshold: z.number(),
  at: dateTime.describe('The check’s time'),
  snoozed: z.boolean().describe('The rule was snoozed: recorded, nobody told'),
  notifications: z.array(
    z.object({
      channel: z.string().describe('`email`, `slack` or `webhook` (`slack#2` for a rule’s second Slack channel, …)'),
      ok: z.boolean(),
      error: z.string().optional(),
      attempts: z.number().int().min(1),
      at: dateTime.describe('The last attempt'),
    }),
  ),
});
export const alertEventListSchema = z.object({ data: z.array(alertEventSchema).describe('Newest first') });

export const alertPreviewSchema = z.object({
  checks: z.number().int().min(0).describe('Checks replayed, one per hour of the period'),
  from: dateTime.describe('The first check'),
  to: dateTime.describe('The last check: the last whole hour at or before `end`'),
  stepSeconds: z.literal(3600),
  firings: z.array(z.object({ firedAt: dateTime, resolvedAt: dateTime.nullable().describe('null while still firing at the last check'), peakValue: z.number().nullable() })),
  secondsFiring: z.number().min(0).describe('Seconds spent firing over the period'),
  series: z.array(z.object({ at: dateTime, value: z.number().nullable() })).describe('What each check held against the threshold'),
  threshold: z.number(),
});
