/** zod schemas of the funnel answers (lib/funnels builds them as plain objects); a test pins them to its types. */
import { z } from 'zod';
import { FUNNEL_STEP_TYPES, funnelStepSchema } from '@/lib/funnels/schemas';

const dateTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const fraction = z.number().min(0).max(1);

export const funnelSchema = z.object({
  id: z.string().describe('Assigned by Confab, `fnl_…`'),
  name: z.string(),
  avatarId: z.string().nullable().describe('Only this avatar’s conversations count; null: all avatars'),
  steps: z.array(funnelStepSchema),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const funnelListSchema = z.object({ data: z.array(funnelSchema).describe('Oldest first') });

export const funnelReportSchema = z.object({
  funnel: funnelSchema.pick({ id: true, name: true, avatarId: true, steps: true }),
  steps: z
    .array(
      z.object({
        index: z.number().int().min(0).describe('Position in `funnel.steps`, from 0'),
        type: z.enum(FUNNEL_STEP_TYPES),
        label: z.string().describe('The step’s `label`, else a description such as `Tool search_kb` or `3+ user messages`'),
        conversations: count.describe('Conversations of the range that reached this step'),
        conversionFromPrevious: fraction.nullable().describe('conversations ÷ the previous step’s; null for the first step or when the previous reached none'),
        conversionFromStart: fraction.nullable().describe('conversations ÷ the first step’s; null when the first reached none'),
        dropOff: count.nullable().describe('The previous step’s conversations minus this one’s; null for the first step'),
      }),
    )
    .describe('One per funnel step, in order'),
  period: z
    .object({ start: dateTime, end: dateTime, timezone: z.string() })
    .describe('The range `[start, end)` the answer covers, resolved in the workspace timezone'),
});
