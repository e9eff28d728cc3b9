/**
 * The back-test (`POST /v1/alerts/preview`): the rule's state machine replayed over history at an hourly
 * step — the same readings (lib/alerts/metrics) and the same steps (lib/alerts/state-machine) as the
 * checker, so a preview equals what `evaluate-alerts --at` would have done hour by hour over the period.
 * Checks fall on whole hours: the last is the last whole hour at or before `end`.
 */
import { readMetric } from './metrics';
import { targetOf } from './check';
import { previewSchema, PERIOD_HOURS, type AlertMetric } from './schemas';
import { assertRuleTargets } from './service';
import { step, type MachineRule, type MachineState } from './state-machine';

const HOUR_MS = 3_600_000;

export type AlertFiring = { firedAt: string; resolvedAt: string | null; peakValue: number | null };
export type AlertPreview = {
  /** How many checks were replayed (one per hour of the period). */
  checks: number;
  from: string;
  to: string;
  stepSeconds: number;
  firings: AlertFiring[];
  /** Seconds from each firing to its resolution (or to the last check, for one still firing). */
  secondsFiring: number;
  /** What each check held against the threshold (the value, or the relative change); null without data. */
  series: { at: string; value: number | null }[];
  threshold: number;
};

/** Replays `readings` through the machine from `ok`; exported for the tests. */
export function replay(rule: MachineRule, series: { at: Date; value: number | null; previous: number | null; conversations: number }[]) {
  let state: MachineState = { state: 'ok', breaches: 0 };
  const firings: { firedAt: Date; resolvedAt: Date | null; peakValue: number | null }[] = [];
  const points: { at: string; value: number | null }[] = [];
  for (const reading of series) {
    const result = step(rule, state, reading);
    state = result.next;
    points.push({ at: reading.at.toISOString(), value: result.compared });
    const open = firings.at(-1)?.resolvedAt === null ? firings.at(-1)! : null;
    if (result.transition === 'fired') firings.push({ firedAt: reading.at, resolvedAt: null, peakValue: result.compared });
    else if (result.transition === 'resolved' && open) open.resolvedAt = reading.at;
    else if (open && result.compared !== null && state.state === 'firing') {
      const worse = open.peakValue === null || (rule.op === 'above' ? result.compared > open.peakValue : result.compared < open.peakValue);
      if (worse) open.peakValue = result.compared;
    }
  }
  return { firings, points, final: state };
}

export async function previewAlert(workspaceId: string, raw: unknown, now = new Date()): Promise<AlertPreview> {
  const input = previewSchema.parse(raw);
  const rule = input.rule;
  await assertRuleTargets(workspaceId, rule);
  const end = input.end ?? now;
  const last = Math.floor(end.getTime() / HOUR_MS) * HOUR_MS;
  const n = PERIOD_HOURS[input.period];
  const times = Array.from({ length: n }, (_, i) => new Date(last - (n - 1 - i) * HOUR_MS));
  const target = await targetOf({
    workspace_id: workspaceId,
    metric: rule.metric as AlertMetric,
    time_window: rule.window,
    avatar_id: rule.avatarId ?? null,
    goal_id: rule.goalId ?? null,
    funnel_id: rule.funnelId ?? null,
    funnel_step: rule.funnelStep ?? null,
  });
  const readings = await readMetric(workspaceId, target, times, rule.condition.compare === 'change');
  const machine: MachineRule = { ...rule.condition, minConversations: rule.minConversations, forChecks: rule.forChecks, noData: rule.noData };
  const { firings, points } = replay(machine, readings);
  const lastAt = times.at(-1)!;
  const secondsFiring = firings.reduce((sum, f) => sum + ((f.resolvedAt ?? lastAt).getTime() - f.firedAt.getTime()) / 1000, 0);
  return {
    checks: n,
    from: times[0].toISOString(),
    to: lastAt.toISOString(),
    stepSeconds: 3600,
    firings: firings.map((f) => ({ firedAt: f.firedAt.toISOString(), resolvedAt: f.resolvedAt?.toISOString() ?? null, peakValue: f.peakValue })),
    secondsFiring,
    series: points,
    threshold: rule.condition.threshold,
  };
}
