/** How the dashboard and the API name a funnel step when it has no label of its own. No server imports: the builder uses it too. */
import type { FunnelStep } from './schemas';

function describeProperties(properties: Record<string, unknown> | undefined): string {
  const entries = Object.entries(properties ?? {});
  return entries.length ? ` (${entries.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')})` : '';
}

/** e.g. "Conversation started", "Goal: Lead captured", "Tool search_kb", "3+ user messages". */
export function describeStep(step: FunnelStep, goalNames: ReadonlyMap<string, string> = new Map()): string {
  switch (step.type) {
    case 'conversation_started':
      return 'Conversation started';
    case 'goal':
      return `Goal: ${goalNames.get(step.goalId) ?? `${step.goalId} (deleted)`}`;
    case 'event':
      return `Event ${step.name}${describeProperties(step.properties)}`;
    case 'tool':
      return `Tool ${step.name}`;
    case 'user_messages':
      return `${step.count}+ user message${step.count === 1 ? '' : 's'}`;
  }
}

export const stepLabel = (step: FunnelStep, goalNames?: ReadonlyMap<string, string>) => step.label ?? describeStep(step, goalNames);
