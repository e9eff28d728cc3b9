import type { AlertRule } from '@/lib/alerts/service';

export type DisplayState = 'firing' | 'snoozed' | 'no_data' | 'ok' | 'disabled' | 'pending';

/** What the list shows: Disabled, Snoozed, Firing, No data (the last check had none), OK, or Not checked yet. */
export function displayState(rule: Pick<AlertRule, 'enabled' | 'snoozedUntil' | 'state' | 'hasData' | 'checkedAt'>, now = Date.now()): DisplayState {
  if (!rule.enabled) return 'disabled';
  if (rule.snoozedUntil && new Date(rule.snoozedUntil).getTime() > now) return 'snoozed';
  if (rule.state === 'firing') return 'firing';
  if (!rule.checkedAt) return 'pending';
  if (rule.hasData === false) return 'no_data';
  return 'ok';
}

const LOOK: Record<DisplayState, [string, string]> = {
  firing: ['Firing', 'bg-red-50 text-red-700 ring-red-600/20'],
  snoozed: ['Snoozed', 'bg-amber-50 text-amber-800 ring-amber-600/20'],
  no_data: ['No data', 'bg-gray-100 text-gray-700 ring-gray-500/20'],
  ok: ['OK', 'bg-emerald-50 text-emerald-700 ring-emerald-600/20'],
  disabled: ['Disabled', 'bg-gray-50 text-gray-500 ring-gray-400/20'],
  pending: ['Not checked yet', 'bg-indigo-50 text-indigo-700 ring-indigo-600/20'],
};

export function StateBadge({ state }: { state: DisplayState }) {
  const [label, style] = LOOK[state];
  return <span className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style}`}>{label}</span>;
}
