/**
 * The alert state machine of DESIGN §8, pure so that the checker and the back-test run the very same steps.
 *
 * A check without data — no value (a rate over no conversations), a `change` with nothing to compare
 * against, or fewer conversations in the window than `minConversations` — is handled by `noData`:
 *   - `ok` (the default): it counts as not breaching: the streak restarts and a firing rule resolves;
 *   - `keep`: nothing changes, neither the state nor the streak;
 *   - `alert`: it counts as breaching.
 * `forChecks` breaching checks in a row fire a rule that is `ok`; the first check that does not breach
 * resolves a firing one. Snoozing is not the machine's business: a snoozed rule moves the same way and only
 * its notifications are held back.
 */
import type { MetricReading } from './metrics';
import type { NoDataMode } from './schemas';

export type AlertState = 'ok' | 'firing';
export type MachineState = { state: AlertState; breaches: number };
export type MachineRule = {
  op: 'above' | 'below';
  threshold: number;
  compare: 'value' | 'change';
  minConversations: number;
  forChecks: number;
  noData: NoDataMode;
};

export type Step = {
  next: MachineState;
  /** What was held against the threshold: the value, or the relative change; null without data. */
  compared: number | null;
  hasData: boolean;
  breached: boolean;
  transition: 'fired' | 'resolved' | null;
};

/** The relative change from `previous` to `value` (−0.3 = down 30 %); null when there is no base to compare against. */
export function relativeChange(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return (value - previous) / Math.abs(previous);
}

export function comparedValue(rule: Pick<MachineRule, 'compare' | 'minConversations'>, reading: MetricReading): number | null {
  if (reading.conversations < rule.minConversations) return null;
  return rule.compare === 'change' ? relativeChange(reading.value, reading.previous) : reading.value;
}

const breaches = (rule: MachineRule, v: number) => (rule.op === 'above' ? v > rule.threshold : v < rule.threshold);

export function step(rule: MachineRule, current: MachineState, reading: MetricReading): Step {
  const compared = comparedValue(rule, reading);
  const hasData = compared !== null;
  if (!hasData && rule.noData === 'keep') return { next: current, compared, hasData, breached: false, transition: null };
  const breached = hasData ? breaches(rule, compared) : rule.noData === 'alert';
  if (breached) {
    const streak = current.breaches + 1;
    if (current.state === 'ok' && streak >= rule.forChecks) return { next: { state: 'firing', breaches: streak }, compared, hasData, breached, transition: 'fired' };
    return { next: { state: current.state, breaches: streak }, compared, hasData, breached, transition: null };
  }
  if (current.state === 'firing') return { next: { state: 'ok', breaches: 0 }, compared, hasData, breached, transition: 'resolved' };
  return { next: { state: 'ok', breaches: 0 }, compared, hasData, breached, transition: null };
}
