/**
 * The goal form's fields as plain strings, and the conversions to and from a goal's input. The server
 * validates what the form sends with goalInputSchema (RE2 included); nothing here checks a pattern.
 */
import type { GoalTrigger } from '@/lib/goals/triggers';

export type TriggerType = GoalTrigger['type'];
export type Role = 'user' | 'assistant' | 'any';
export type PropertyRow = { key: string; value: string };

export type GoalFormValues = {
  name: string;
  avatarId: string;
  type: TriggerType;
  pattern: string;
  role: Role;
  phrases: string;
  eventName: string;
  properties: PropertyRow[];
  toolName: string;
};

export const EMPTY_FORM: GoalFormValues = {
  name: '',
  avatarId: '',
  type: 'pattern',
  pattern: '',
  role: 'user',
  phrases: '',
  eventName: '',
  properties: [],
  toolName: '',
};

const looksLikeOtherScalar = (text: string) => /^(true|false|null|-?\d+(\.\d+)?)$/.test(text.trim());

/** A property value as typed: `true`, `false`, `null` and numbers are those JSON values; `"…"` forces text. */
export function parseScalar(text: string): string | number | boolean | null {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1);
  return text;
}

export function formatScalar(value: unknown): string {
  if (typeof value === 'string') return looksLikeOtherScalar(value) ? `"${value}"` : value;
  return String(value);
}

export function toFormValues(goal: { name: string; avatarId: string | null; trigger: GoalTrigger }): GoalFormValues {
  const t = goal.trigger;
  const values: GoalFormValues = { ...EMPTY_FORM, name: goal.name, avatarId: goal.avatarId ?? '', type: t.type };
  if (t.type === 'pattern') return { ...values, pattern: t.pattern, role: t.role };
  if (t.type === 'phrases') return { ...values, phrases: t.phrases.join('\n'), role: t.role };
  if (t.type === 'event') {
    return { ...values, eventName: t.name, properties: Object.entries(t.properties ?? {}).map(([key, value]) => ({ key, value: formatScalar(value) })) };
  }
  if (t.type === 'tool') return { ...values, toolName: t.name };
  return values;
}

function triggerOf(v: GoalFormValues): Record<string, unknown> {
  switch (v.type) {
    case 'pattern':
      return { type: 'pattern', pattern: v.pattern, role: v.role };
    case 'phrases':
      return { type: 'phrases', phrases: v.phrases.split('\n').map((p) => p.trim()).filter(Boolean), role: v.role };
    case 'event': {
      const rows = v.properties.filter((r) => r.key.trim() !== '');
      const properties = Object.fromEntries(rows.map((r) => [r.key.trim(), parseScalar(r.value)]));
      return { type: 'event', name: v.eventName.trim(), ...(rows.length ? { properties } : {}) };
    }
    case 'tool':
      return { type: 'tool', name: v.toolName.trim() };
    case 'no_escalation':
      return { type: 'no_escalation' };
  }
}

/** What the server action receives: the shape of goalInputSchema, still unchecked. */
export function toGoalInput(v: GoalFormValues): { name: string; avatarId: string | null; trigger: Record<string, unknown> } {
  return { name: v.name, avatarId: v.avatarId || null, trigger: triggerOf(v) };
}

/**
 * The messages of the server's validation for one form field: issues at `key` or below it (`trigger.phrases.2`
 * reads "Phrase 3: …"). `trigger` itself belongs to the type field.
 */
export function messagesFor(fieldErrors: Record<string, string[] | undefined>, key: string): string[] {
  const out: string[] = [];
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const exact = path === key || (key === 'trigger.type' && path === 'trigger');
    const below = path.startsWith(`${key}.`);
    if (!exact && !below) continue;
    const index = below ? /^\d+$/.exec(path.slice(key.length + 1))?.[0] : undefined;
    for (const m of messages ?? []) out.push(key === 'trigger.phrases' && index !== undefined ? `Phrase ${Number(index) + 1}: ${m}` : m);
  }
  return out;
}

/** The fields the form shows errors under; any other path is shown above the form. */
export const FORM_FIELDS = ['name', 'avatarId', 'trigger.type', 'trigger.pattern', 'trigger.role', 'trigger.phrases', 'trigger.name', 'trigger.properties'];
