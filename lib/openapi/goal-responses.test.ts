/** Pins the documented goal answers to the types lib/goals returns. */
import { expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type { GoalAnalytics, GoalAnalyticsFrame, GoalStats } from '@/lib/goals/analytics';
import type { Goal } from '@/lib/goals/service';
import * as g from './goal-responses';

type Out<S extends z.ZodType> = z.output<S>;
type Period = { period: { start: string; end: string; timezone: string } };
/** An intersection flattened into one object type, as the schemas' outputs are. */
type Flat<T> = { [K in keyof T]: T[K] };

test('goal answers equal lib/goals’ types (checked by tsc)', () => {
  expectTypeOf<Out<typeof g.goalSchema>>().toEqualTypeOf<Goal>();
  expectTypeOf<Out<typeof g.goalListSchema>>().toEqualTypeOf<{ data: Goal[] }>();
  expectTypeOf<Out<typeof g.goalStatsSchema>>().toEqualTypeOf<GoalStats>();
  expectTypeOf<Out<typeof g.goalAnalyticsSchema>>().toEqualTypeOf<Flat<GoalAnalytics & Period>>();
  expectTypeOf<Out<typeof g.oneGoalAnalyticsSchema>>().toEqualTypeOf<Flat<GoalStats & GoalAnalyticsFrame & Period>>();
});
