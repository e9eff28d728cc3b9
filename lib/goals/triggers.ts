/**
 * Goal triggers (DESIGN §4): what makes a conversation complete a goal. User-written patterns run in
 * RE2 (re2-wasm), whose matching time is linear in the text whatever the pattern's shape, so no
 * pattern can stall ingestion. Phrase lists compile to one RE2 pattern too.
 */
import { randomBytes } from 'node:crypto';
import { RE2 } from 're2-wasm';
import { z } from 'zod';
import { identifier, isStorable, propertyMatch, STORABLE_MESSAGE } from '@/lib/ingest/parse/schema-primitives';

export const MAX_PATTERN_LENGTH = 500;
export const MAX_PHRASES = 100;
export const MAX_PHRASE_LENGTH = 200;

export type GoalRole = 'user' | 'assistant' | 'any';
const role = z.enum(['user', 'assistant', 'any']).default('user');

/** Compiles a user pattern; throws an Error whose message says what is wrong. */
export function compilePattern(pattern: string): RE2 {
  try {
    return new RE2(pattern, 'u');
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/u: /s, '');
    throw new Error(`Invalid pattern: ${reason}`);
  }
}

function escapeRe2(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * One case-insensitive pattern for a phrase list: a phrase matches as whole words (not inside another
 * word, in any script), and spaces inside a phrase match any run of whitespace.
 */
export function phrasesPattern(phrases: string[]): string {
  const alternatives = phrases.map((p) => p.trim().split(/\s+/).map(escapeRe2).join('\\s+'));
  return `(?i)(?:^|[^\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?:$|[^\\p{L}\\p{N}_])`;
}

export const goalTriggerSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('pattern'),
      pattern: z.string().min(1, 'Must not be empty').max(MAX_PATTERN_LENGTH, `Must be at most ${MAX_PATTERN_LENGTH} characters`).refine(isStorable, STORABLE_MESSAGE),
      role,
    }),
    z.strictObject({
      type: z.literal('phrases'),
      phrases: z
        .array(z.string().trim().min(1, 'Must not be empty').max(MAX_PHRASE_LENGTH, `Must be at most ${MAX_PHRASE_LENGTH} characters`).refine(isStorable, STORABLE_MESSAGE))
        .min(1, 'Give at least one phrase')
        .max(MAX_PHRASES, `At most ${MAX_PHRASES} phrases`),
      role,
    }),
    z.strictObject({
      type: z.literal('event'),
      name: identifier,
      properties: propertyMatch.optional(),
    }),
    z.strictObject({ type: z.literal('tool'), name: identifier }),
    z.strictObject({ type: z.literal('no_escalation') }),
  ], { error: 'Must be one of: pattern, phrases, event, tool, no_escalation' })
  .superRefine((trigger, ctx) => {
    if (trigger.type !== 'pattern') return;
    try {
      compilePattern(trigger.pattern);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: (error as Error).message });
    }
  });

export type GoalTrigger = z.infer<typeof goalTriggerSchema>;

export const newGoalId = () => `goal_${randomBytes(9).toString('base64url')}`;

/** A goal as the evaluators see it. */
export type GoalDefinition = { id: string; name: string; avatarId: string | null; trigger: GoalTrigger };

/** The event name the SDK's onGoalComplete sends; `properties.goal` names the goal it completes. */
export const GOAL_COMPLETED_EVENT = 'goal.completed';

export type CompiledGoal = GoalDefinition & {
  /** For text triggers: the role it listens to and its matcher. */
  text: { role: GoalRole; re: RE2 } | null;
};

export function compileGoal(goal: GoalDefinition): CompiledGoal {
  const t = goal.trigger;
  if (t.type === 'pattern') return { ...goal, text: { role: t.role, re: compilePattern(t.pattern) } };
  if (t.type === 'phrases') return { ...goal, text: { role: t.role, re: new RE2(phrasesPattern(t.phrases), 'u') } };
  return { ...goal, text: null };
}

export function roleMatches(wanted: GoalRole, role: string): boolean {
  return wanted === 'any' ? role === 'user' || role === 'assistant' : wanted === role;
}

/** Whether an event's properties hold every trigger property with an equal value (PostgreSQL `@>` on scalars). */
export function propertiesMatch(wanted: Record<string, unknown> | undefined, properties: Record<string, unknown> | null | undefined): boolean {
  if (!wanted) return true;
  for (const [key, value] of Object.entries(wanted)) {
    if (!properties || !(key in properties) || properties[key] !== value) return false;
  }
  return true;
}

/** Whether an ingested event completes a goal: its trigger event, or the SDK's goal.completed naming it. */
export function eventCompletes(goal: GoalDefinition, name: string, properties: Record<string, unknown> | null | undefined): boolean {
  if (name === GOAL_COMPLETED_EVENT && properties?.goal === goal.name) return true;
  return goal.trigger.type === 'event' && goal.trigger.name === name && propertiesMatch(goal.trigger.properties, properties);
}

/** The dashboard's templates: the seed document's three example goals. */
export const GOAL_TEMPLATES: { key: string; name: string; description: string; trigger: GoalTrigger }[] = [
  {
    key: 'lead_captured',
    name: 'Lead captured',
    description: 'The user gave an email address.',
    trigger: { type: 'pattern', pattern: '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+', role: 'user' },
  },
  {
    key: 'question_answered',
    name: 'Question answered',
    description: 'The user said thanks or similar.',
    trigger: {
      type: 'phrases',
      phrases: ['thanks', 'thank you', 'thx', 'that helped', 'that helps', 'appreciate it', 'danke', 'merci', 'gracias', 'obrigado', 'obrigada'],
      role: 'user',
    },
  },
  {
    key: 'escalation_avoided',
    name: 'Escalation avoided',
    description: 'The conversation ended without a human handoff.',
    trigger: { type: 'no_escalation' },
  },
];
