/**
 * The funnel builder's editable state and its translation to and from a funnel payload. Pure (no React), so
 * the form, its tests and the page share it; the server validates what it produces with funnelInputSchema.
 */
import type { FunnelStep, FunnelStepType } from '@/lib/funnels/schemas';

export type StepDraft = { key: string; type: FunnelStepType; label: string; goalId: string; name: string; properties: string; count: string };
export type FunnelDraft = { name: string; avatarId: string; steps: StepDraft[] };

export const STEP_TYPE_LABELS: Record<FunnelStepType, string> = {
  conversation_started: 'Conversation started',
  user_messages: 'User messages',
  tool: 'Tool call',
  event: 'Custom event',
  goal: 'Goal completed',
};

let counter = 0;
const nextKey = () => `step-${++counter}`;

export function emptyStep(type: FunnelStepType): StepDraft {
  return { key: nextKey(), type, label: '', goalId: '', name: '', properties: '', count: type === 'user_messages' ? '3' : '' };
}

export const NEW_FUNNEL: () => FunnelDraft = () => ({ name: '', avatarId: '', steps: [emptyStep('conversation_started'), emptyStep('user_messages')] });

function formatValue(value: unknown): string {
  // Text that would read back as a number, boolean or null keeps its quotes.
  return typeof value === 'string' && !/^(true|false|null|-?\d+(\.\d+)?|".*")$/.test(value) ? value : JSON.stringify(value);
}

export function toDraft(funnel: { name: string; avatarId: string | null; steps: FunnelStep[] }): FunnelDraft {
  return {
    name: funnel.name,
    avatarId: funnel.avatarId ?? '',
    steps: funnel.steps.map((step) => ({
      ...emptyStep(step.type),
      label: step.label ?? '',
      goalId: step.type === 'goal' ? step.goalId : '',
      name: step.type === 'event' || step.type === 'tool' ? step.name : '',
      properties: step.type === 'event' ? Object.entries(step.properties ?? {}).map(([k, v]) => `${k}=${formatValue(v)}`).join(', ') : '',
      count: step.type === 'user_messages' ? String(step.count) : '',
    })),
  };
}

function parseValue(raw: string): unknown {
  if (/^".*"$/.test(raw)) return raw.slice(1, -1);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (raw === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

/**
 * `plan=pro, seats=3` → `{ plan: 'pro', seats: 3 }`: numbers, true/false and null are typed; quote a value
 * ("3") to keep it text. An empty text is no filter (null).
 */
export function parseProperties(text: string): { ok: true; value: Record<string, unknown> | null } | { ok: false; message: string } {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return { ok: true, value: null };
  const value: Record<string, unknown> = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 1) return { ok: false, message: 'Write key=value pairs separated by commas, e.g. plan=pro, seats=3' };
    value[part.slice(0, eq).trim()] = parseValue(part.slice(eq + 1).trim());
  }
  return { ok: true, value };
}

/** The payload for the server, or the fields the browser can already tell are wrong (keyed like the server's paths). */
export function toInput(draft: FunnelDraft): { input: unknown; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const steps = draft.steps.map((s, i) => {
    const label = s.label.trim() ? { label: s.label.trim() } : {};
    switch (s.type) {
      case 'conversation_started':
        return { type: s.type, ...label };
      case 'goal':
        return { type: s.type, goalId: s.goalId, ...label };
      case 'tool':
        return { type: s.type, name: s.name.trim(), ...label };
      case 'user_messages':
        return { type: s.type, count: /^\s*\d+\s*$/.test(s.count) ? Number(s.count) : s.count, ...label };
      case 'event': {
        const parsed = parseProperties(s.properties);
        if (!parsed.ok) errors[`steps.${i}.properties`] = [parsed.message];
        return { type: s.type, name: s.name.trim(), ...(parsed.ok && parsed.value ? { properties: parsed.value } : {}), ...label };
      }
    }
  });
  return { input: { name: draft.name, avatarId: draft.avatarId || null, steps }, errors };
}
