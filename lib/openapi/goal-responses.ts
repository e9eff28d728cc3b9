/**
 * zod schemas of the goal answers: a goal as lib/goals/service returns it, and goal analytics as
 * lib/goals/analytics computes them. goal-responses.test.ts pins them to those types.
 */
import { z } from 'zod';
import { goalTriggerSchema } from '@/lib/goals/triggers';

const dateTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const fraction = z.number().min(0).max(1);
const rate = fraction.nullable().describe('completions ÷ conversations; null when there were no conversations');

export const goalSchema = z.object({
  id: z.string().describe('Confab’s id for the goal (`goal_…`)'),
  name: z.string(),
  avatarId: z.string().nullable().describe('Only this avatar’s conversations can complete it; null for all avatars'),
  trigger: goalTriggerSchema,
  backfill: z
    .object({
      status: z.enum(['pending', 'running', 'done', 'failed']),
      progress: fraction.describe('Share of the existing conversations evaluated so far'),
      startedAt: dateTime.nullable(),
      finishedAt: dateTime.nullable(),
      error: z.string().nullable().describe('Why the last back-fill failed'),
    })
    .describe('Evaluation of the conversations stored before the goal was created or last redefined'),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const goalListSchema = z.object({ data: z.array(goalSchema).describe('Oldest first') });

export const goalStatsSchema = z.object({
  id: z.string(),
  name: z.string(),
  avatarId: z.string().nullable(),
  completions: count.describe('Conversations started in the range that completed the goal'),
  conversations: count.describe('Conversations started in the range (of the goal’s avatar, when it has one)'),
  completionRate: rate,
  trend: z
    .array(z.object({ date: z.string().describe('Bucket start, ISO 8601 with offset'), completions: count, conversations: count, completionRate: rate }))
    .describe('Every bucket of the range, zero-filled, oldest first, in the workspace timezone'),
  byAvatar: z
    .array(z.object({ id: z.string(), name: z.string(), completions: count, conversations: count, completionRate: rate }))
    .describe('Avatars with conversations or completions in the range, most completions first'),
  recentCompletions: z
    .array(z.object({ id: z.string().describe('The conversation’s id'), avatarId: z.string(), avatarName: z.string(), completedAt: dateTime, startedAt: dateTime }))
    .describe('The latest completions (`limit` of them) of conversations started in the range, newest first'),
});

const frame = {
  groupBy: z.enum(['hour', 'day', 'week', 'month']),
  timezone: z.string().describe('IANA timezone the buckets are cut in (the workspace’s)'),
  period: z
    .object({ start: dateTime, end: dateTime, timezone: z.string() })
    .describe('The range `[start, end)` the answer covers, resolved in the workspace timezone'),
};

export const goalAnalyticsSchema = z.object({
  ...frame,
  conversations: count.describe('Conversations started in the range (of `avatarId`, when given)'),
  completedConversations: count.describe('Of those, the ones that completed at least one goal'),
  completionRate: rate.describe('completedConversations ÷ conversations: the Overview’s completion rate; null without conversations'),
  goals: z.array(goalStatsSchema).describe('Every goal, oldest first'),
});
export const oneGoalAnalyticsSchema = goalStatsSchema.extend(frame);
