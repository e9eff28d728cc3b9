/**
 * A funnel's figures for a range. The population is the conversations started in the range (of the
 * filter's avatar, and of the funnel's own). Each step has a time t: a conversation reaches step k when it
 * reached step k−1 and then
 * - conversation_started: always (t = started_at; only as the first step);
 * - goal: it completed that goal at or after t(k−1) (t = completed_at);
 * - event / tool: its earliest matching event / tool call at or after t(k−1) (t = that time);
 * - user_messages N: it has at least N user messages (its counter); t stays t(k−1), since this step
 *   measures depth, and so the funnel is answered from counters rather than by reading messages.
 * Before step 1, t is the conversation's start: nothing earlier counts.
 */
import { countFunnelSteps, type StepCondition } from '@/db/queries/funnel-counts';
import type { AnalyticsFilter } from '@/lib/analytics/types';
import { listGoals } from '@/lib/goals/service';
import { stepLabel } from './labels';
import type { FunnelStep, FunnelStepType } from './schemas';
import type { Funnel } from './service';

export type FunnelStepResult = {
  /** Position in `funnel.steps`, from 0. */
  index: number;
  type: FunnelStepType;
  label: string;
  conversations: number;
  /** Fractions 0..1; null for the first step, or when the step before reached none. */
  conversionFromPrevious: number | null;
  conversionFromStart: number | null;
  /** Conversations that reached the step before but not this one; null for the first step. */
  dropOff: number | null;
};

export type FunnelReport = { funnel: Pick<Funnel, 'id' | 'name' | 'avatarId' | 'steps'>; steps: FunnelStepResult[] };

function conditionOf(step: FunnelStep): StepCondition {
  switch (step.type) {
    case 'conversation_started':
      return { kind: 'start' };
    case 'user_messages':
      return { kind: 'depth', minUserMessages: step.count };
    case 'goal':
      return { kind: 'goal', goalId: step.goalId };
    case 'event':
      return { kind: 'event', name: step.name, properties: step.properties && Object.keys(step.properties).length ? step.properties : null };
    case 'tool':
      return { kind: 'tool', name: step.name };
  }
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function toStepResults(steps: FunnelStep[], counts: number[], goalNames: ReadonlyMap<string, string>): FunnelStepResult[] {
  return steps.map((step, index) => {
    const conversations = counts[index];
    const previous = index > 0 ? counts[index - 1] : null;
    return {
      index,
      type: step.type,
      label: stepLabel(step, goalNames),
      conversations,
      conversionFromPrevious: previous === null ? null : ratio(conversations, previous),
      conversionFromStart: ratio(conversations, counts[0]),
      dropOff: previous === null ? null : previous - conversations,
    };
  });
}

/** The goal steps' labels need goal names: pass them when the caller has read the goals already. */
async function goalNamesFor(workspaceId: string, funnel: Funnel): Promise<ReadonlyMap<string, string>> {
  if (!funnel.steps.some((s) => s.type === 'goal')) return new Map();
  return new Map((await listGoals(workspaceId)).map((g) => [g.id, g.name]));
}

export async function getFunnelReport(
  workspaceId: string,
  funnel: Funnel,
  filter: AnalyticsFilter,
  knownGoalNames?: ReadonlyMap<string, string>,
): Promise<FunnelReport> {
  const avatarIds = [filter.avatarId, funnel.avatarId].filter((a): a is string => Boolean(a));
  const [counts, goalNames] = await Promise.all([
    countFunnelSteps(workspaceId, { start: filter.range.start, end: filter.range.end, avatarIds }, funnel.steps.map(conditionOf)),
    knownGoalNames ?? goalNamesFor(workspaceId, funnel),
  ]);
  return {
    funnel: { id: funnel.id, name: funnel.name, avatarId: funnel.avatarId, steps: funnel.steps },
    steps: toStepResults(funnel.steps, counts, goalNames),
  };
}
