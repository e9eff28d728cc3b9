/**
 * An alert metric's value at a check: the DESIGN §3 definition over the rolling window that ends at the
 * check. Windows follow the rollups' counting rule (lib/analytics/plan.ts): an hour counts when it STARTS in
 * the window, so the window of a check at `t` is the `w` whole UTC hours before `ceilHour(t)` — a check at
 * 10:20 with a 1 h window counts the hour 10:00–11:00 so far, and one at 10:00 sharp the hour 09:00–10:00.
 *
 * The additive metrics (counts, sums and ratios of rollup counters, and goal completions) are read once as an
 * hourly series and every check sums its window's hours, so the checker (one point) and the
 * back-test (720 points) run the same arithmetic on the same rows and agree to the last bit. `unique_users`
 * and `funnel_conversion` are not additive over hours: each check asks the database for its window (the
 * same functions the dashboard uses).
 */
import { sumFactsByHour } from '@/db/queries/analytics-facts';
import type { FactSums } from '@/db/queries/analytics-tiers';
import { countUniqueUsers } from '@/db/queries/analytics-conversations';
import { countCompletions } from '@/db/queries/goal-analytics';
import { neutralFeedbackByHour } from '@/db/queries/alerts';
import { planRange } from '@/lib/analytics/plan';
import { addHours, ceilHour } from '@/lib/analytics/timezone';
import { getFunnelReport } from '@/lib/funnels/report';
import type { Funnel } from '@/lib/funnels/service';
import type { AlertMetric, AlertWindow } from './schemas';
import { WINDOW_HOURS } from './schemas';

const HOUR_MS = 3_600_000;

/** What a rule measures; `goalAvatarId` / `funnel` are the goal's and funnel's own scope, read by the caller. */
export type MetricTarget = {
  metric: AlertMetric;
  window: AlertWindow;
  avatarId: string | null;
  goalId?: string | null;
  goalAvatarId?: string | null;
  funnel?: Funnel | null;
  funnelStep?: number | null;
};

/** One check's reading: the metric over the window, the one before it (for `compare: "change"`), and the window's conversations (for `minConversations`). */
export type MetricReading = { at: Date; value: number | null; previous: number | null; conversations: number };

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The columns a window needs, as running totals over the hours of the series. */
const COLUMNS = [
  'conversations',
  'messages',
  'prompt_tokens',
  'completion_tokens',
  'duration_sum_s',
  'ended_conversations',
  'response_time_sum_ms',
  'response_time_count',
  'escalated_conversations',
  'goal_conversations',
  'positive_conversations',
  'neutral_conversations',
  'negative_conversations',
  'feedback_positive',
  'feedback_negative',
  'feedback_neutral',
  'goal_completions',
] as const;
type Column = (typeof COLUMNS)[number];
type WindowSums = Record<Column, number>;

/** The additive metrics from a window's sums; null for the two that need their own query. */
export function valueFromSums(metric: AlertMetric, s: WindowSums): number | null {
  switch (metric) {
    case 'conversations':
      return s.conversations;
    case 'messages':
      return s.messages;
    case 'token_usage':
      return s.prompt_tokens + s.completion_tokens;
    case 'avg_duration':
      return ratio(s.duration_sum_s, s.ended_conversations);
    case 'avg_response_time':
      return ratio(s.response_time_sum_ms, s.response_time_count);
    case 'escalation_rate':
      return ratio(s.escalated_conversations, s.conversations);
    case 'completion_rate':
      return ratio(s.goal_conversations, s.conversations);
    case 'negative_sentiment_rate':
      // The share of the window's conversations with a sentiment (at least one user message) labelled negative, as on the Sentiment page.
      return ratio(s.negative_conversations, s.positive_conversations + s.neutral_conversations + s.negative_conversations);
    case 'negative_feedback_rate':
      // Over the conversations that carry feedback.
      return ratio(s.feedback_negative, s.feedback_positive + s.feedback_negative + s.feedback_neutral);
    case 'goal_completion_rate':
      return ratio(s.goal_completions, s.conversations);
    case 'unique_users':
    case 'funnel_conversion':
      return null;
  }
}

/**
 * The hourly rows of a series. A window's sums are added hour by hour in order (not as differences of
 * running totals), so a window has the same sums, bit for bit, whatever series it was read from.
 */
class HourlySeries {
  private readonly values: Float64Array[];
  constructor(
    readonly base: Date,
    readonly hours: number,
  ) {
    this.values = COLUMNS.map(() => new Float64Array(hours));
  }
  private index(t: Date) {
    return Math.max(0, Math.min(this.hours, Math.round((t.getTime() - this.base.getTime()) / HOUR_MS)));
  }
  add(hour: Date, column: Column, value: number) {
    const k = Math.round((hour.getTime() - this.base.getTime()) / HOUR_MS);
    if (k >= 0 && k < this.hours) this.values[COLUMNS.indexOf(column)][k] += value;
  }
  /** Sums over the hours starting in [from, to). */
  window(from: Date, to: Date): WindowSums {
    const a = this.index(from);
    const b = this.index(to);
    const out = {} as WindowSums;
    COLUMNS.forEach((c, i) => {
      const column = this.values[i];
      let sum = 0;
      for (let k = a; k < b; k++) sum += column[k];
      out[c] = sum;
    });
    return out;
  }
}

/** The window of a check at `t`: [end − w, end) with end = ceilHour(t). */
export function windowOf(t: Date, window: AlertWindow): { start: Date; end: Date } {
  const end = ceilHour(t);
  return { start: addHours(end, -WINDOW_HOURS[window]), end };
}

/** The avatar the rule measures, and whether the goal and the rule name different ones (then there is nothing to measure). */
function scopeAvatar(target: MetricTarget): { avatarId: string | null; empty: boolean } {
  if (target.metric === 'goal_completion_rate' && !target.goalId) return { avatarId: target.avatarId, empty: true };
  if (target.metric === 'funnel_conversion' && !target.funnel) return { avatarId: target.avatarId, empty: true };
  const own = target.metric === 'goal_completion_rate' ? (target.goalAvatarId ?? null) : target.metric === 'funnel_conversion' ? (target.funnel?.avatarId ?? null) : null;
  if (own && target.avatarId && own !== target.avatarId) return { avatarId: own, empty: true };
  return { avatarId: own ?? target.avatarId, empty: false };
}

const FACT_KEYS: Column[] = COLUMNS.filter((c) => c !== 'feedback_neutral' && c !== 'goal_completions');

/** Loads the hourly series covering every window (and the window before each) of `times`. */
async function loadSeries(workspaceId: string, target: MetricTarget, times: Date[], avatarId: string | null): Promise<HourlySeries> {
  const w = WINDOW_HOURS[target.window];
  const ends = times.map((t) => ceilHour(t).getTime());
  const end = new Date(Math.max(...ends));
  const base = addHours(new Date(Math.min(...ends)), -2 * w);
  const hours = Math.round((end.getTime() - base.getTime()) / HOUR_MS);
  const series = new HourlySeries(base, hours);
  const plan = planRange({ start: base, end, timezone: 'UTC' });
  const [facts, neutral, completions] = await Promise.all([
    sumFactsByHour(workspaceId, plan, avatarId),
    target.metric === 'negative_feedback_rate' ? neutralFeedbackByHour(workspaceId, base, end, avatarId) : Promise.resolve([]),
    target.metric === 'goal_completion_rate' && target.goalId ? countCompletions(workspaceId, plan, [target.goalId], avatarId, 'hour') : Promise.resolve([]),
  ]);
  for (const row of facts as (FactSums & { bucket: Date })[]) {
    for (const c of FACT_KEYS) series.add(row.bucket, c, (row as unknown as Record<string, number>)[c]);
  }
  for (const row of neutral) series.add(row.bucket, 'feedback_neutral', row.feedback_neutral);
  for (const row of completions) {
    // A completion of a conversation outside the goal's scope (it moved avatar) is not counted against it.
    if (avatarId && row.avatar_id !== avatarId) continue;
    series.add(row.bucket as Date, 'goal_completions', row.completions);
  }
  return series;
}

async function exactValue(workspaceId: string, target: MetricTarget, avatarId: string | null, start: Date, end: Date): Promise<number | null> {
  if (target.metric === 'unique_users') {
    return countUniqueUsers(workspaceId, planRange({ start, end, timezone: 'UTC' }), avatarId);
  }
  const funnel = target.funnel;
  if (!funnel || funnel.steps.length === 0) return null;
  const step = Math.min(target.funnelStep ?? funnel.steps.length - 1, funnel.steps.length - 1);
  const report = await getFunnelReport(workspaceId, funnel, { range: { start, end, timezone: 'UTC' }, avatarId: target.avatarId }, new Map());
  return report.steps[step]?.conversionFromStart ?? null;
}

/** The readings of `target` at each of `times` (any order); `withPrevious` also reads the window before each. */
export async function readMetric(workspaceId: string, target: MetricTarget, times: Date[], withPrevious: boolean): Promise<MetricReading[]> {
  if (times.length === 0) return [];
  const { avatarId, empty } = scopeAvatar(target);
  const series = await loadSeries(workspaceId, target, times, avatarId);
  const exact = target.metric === 'unique_users' || target.metric === 'funnel_conversion';
  const readings: MetricReading[] = [];
  for (const at of times) {
    const { start, end } = windowOf(at, target.window);
    const before = { start: addHours(start, -WINDOW_HOURS[target.window]), end: start };
    const sums = series.window(start, end);
    if (empty) {
      readings.push({ at, value: null, previous: null, conversations: 0 });
      continue;
    }
    const value = exact ? await exactValue(workspaceId, target, avatarId, start, end) : valueFromSums(target.metric, sums);
    const previous = !withPrevious
      ? null
      : exact
        ? await exactValue(workspaceId, target, avatarId, before.start, before.end)
        : valueFromSums(target.metric, series.window(before.start, before.end));
    readings.push({ at, value, previous, conversations: sums.conversations });
  }
  return readings;
}
