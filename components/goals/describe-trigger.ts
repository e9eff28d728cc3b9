/** Triggers in words, for the goal cards and the template gallery (no RE2 here: this also runs in the browser). */
import type { GoalTrigger } from '@/lib/goals/triggers';

const WHO = { user: 'the user', assistant: 'the assistant', any: 'the user or the assistant' } as const;

function list(items: string[], max = 4): string {
  const shown = items.slice(0, max).map((p) => `“${p}”`);
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : String(value);
}

export function describeTrigger(trigger: GoalTrigger): string {
  switch (trigger.type) {
    case 'pattern':
      return `A message from ${WHO[trigger.role]} matches /${trigger.pattern}/`;
    case 'phrases':
      return `${WHO[trigger.role][0].toUpperCase()}${WHO[trigger.role].slice(1)} says ${list(trigger.phrases)}`;
    case 'event': {
      const props = Object.entries(trigger.properties ?? {}).map(([k, v]) => `${k} = ${scalarText(v)}`);
      return `Custom event “${trigger.name}”${props.length ? ` with ${props.join(', ')}` : ''}`;
    }
    case 'tool':
      return `The avatar calls the tool “${trigger.name}”`;
    case 'no_escalation':
      return 'The conversation ends without a handoff to a human';
  }
}

export const TRIGGER_LABELS: Record<GoalTrigger['type'], string> = {
  pattern: 'Message pattern',
  phrases: 'Phrase list',
  event: 'Custom event',
  tool: 'Tool call',
  no_escalation: 'Ended without escalation',
};
