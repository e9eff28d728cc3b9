/**
 * Funnel payloads (one zod schema each): the /v1/funnels handlers, the dashboard's builder and the OpenAPI
 * document all use these. A funnel is 2–8 ordered steps evaluated per conversation (see lib/funnels/report).
 */
import { z } from 'zod';
import { displayName, identifier, propertyMatch } from '@/lib/ingest/parse/schema-primitives';
import { FUNNEL_STEP_TYPES, MAX_STEPS, MAX_USER_MESSAGES, MIN_STEPS } from './limits';

export { FUNNEL_STEP_TYPES, MAX_STEPS, MAX_USER_MESSAGES, MIN_STEPS, type FunnelStepType } from './limits';

const label = displayName(100).optional().describe('What the chart calls this step; a description of the step when left out');

export const funnelStepSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('conversation_started').describe('Every conversation in the range; only as the first step'), label }),
    z.strictObject({
      type: z.literal('goal').describe('The conversation completed this goal at or after the previous step'),
      goalId: identifier.describe('A goal of this workspace (`GET /v1/goals`)'),
      label,
    }),
    z.strictObject({
      type: z.literal('event').describe('A custom event of the conversation at or after the previous step'),
      name: identifier.describe('The event name sent to `POST /v1/events`'),
      properties: propertyMatch
        .optional()
        .describe('Only events whose properties hold all of these values (PostgreSQL `@>` on scalars)'),
      label,
    }),
    z.strictObject({
      type: z.literal('tool').describe('A tool call with this name at or after the previous step'),
      name: identifier.describe('The action name sent to `POST /v1/conversations/{id}/actions`'),
      label,
    }),
    z.strictObject({
      type: z.literal('user_messages').describe('The conversation has at least `count` user messages (depth; does not move the step time)'),
      count: z
        .number('Must be a number')
        .int('Must be a whole number')
        .min(1, 'Must be at least 1')
        .max(MAX_USER_MESSAGES, `Must be at most ${MAX_USER_MESSAGES}`),
      label,
    }),
  ],
  { error: `Must be one of: ${FUNNEL_STEP_TYPES.join(', ')}` },
);

export type FunnelStep = z.infer<typeof funnelStepSchema>;

const steps = z
  .array(funnelStepSchema)
  .min(MIN_STEPS, `Give at least ${MIN_STEPS} steps`)
  .max(MAX_STEPS, `At most ${MAX_STEPS} steps`)
  .superRefine(
    (list, ctx) => {
      list.forEach((step, i) => {
        if (i > 0 && (step as { type?: unknown } | null)?.type === 'conversation_started') {
          ctx.addIssue({ code: 'custom', path: [i, 'type'], message: 'conversation_started can only be the first step' });
        }
      });
    },
    // Also when other steps are invalid, so one answer names every problem.
    { when: (payload) => Array.isArray(payload.value) },
  )
  .describe('2–8 steps in order; a conversation reaches a step when it reached the one before');

const name = displayName(100);

export const funnelInputSchema = z.strictObject({
  name: name.describe('Shown in the dashboard, 1–100 characters'),
  avatarId: identifier.nullish().describe('Count only this avatar’s conversations; all avatars when null or left out'),
  steps,
});
export const funnelPatchSchema = funnelInputSchema.partial();

export type FunnelInput = z.infer<typeof funnelInputSchema>;
export type FunnelPatch = z.infer<typeof funnelPatchSchema>;

export const funnelParamsSchema = z.object({ id: identifier });
