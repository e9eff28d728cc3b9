/**
 * One check pass (DESIGN §8): every enabled rule is read at `at` (default now), stepped through the state
 * machine and saved; a transition becomes an `alert_events` row and is sent to the rule's channels. The
 * pg-boss schedule runs a pass every ALERT_CHECK_INTERVAL_SECONDS, `npm run cli -- evaluate-alerts [--at]`
 * and the page's "Check now" run one on demand.
 *
 * A rule's state is written under its row lock in one transaction with its event and, for a `webhook`
 * channel, the `alert.triggered` / `alert.resolved` outbox row — so a transition is recorded once, and its
 * webhook is emitted exactly when it is. E-mail and Slack go out after the commit, each on its own; the
 * event holds a lease while they do, so a sender that dies is replaced by a later pass, which also retries
 * the channels that failed.
 */
import { sql } from '@/db';
import {
  claimDueAlertEvents,
  findAlertRuleRow,
  insertAlertEvent,
  listEnabledAlertRules,
  recordAlertCheck,
  saveAlertNotifications,
  type AlertEventRow,
  type AlertRuleRow,
} from '@/db/queries/alerts';
import { findAvatar } from '@/db/queries/avatars';
import { emitEvents } from '@/db/queries/outbox';
import type { AlertNotificationRow } from '@/db/schema/alerts';
import { getFunnel, type Funnel } from '@/lib/funnels/service';
import { getGoal } from '@/lib/goals/service';
import { appOrigin } from '@/lib/http/app-origin';
import type { OutboxEvent } from '@/lib/webhooks/events';
import type { AlertNotice } from './format';
import { readMetric, type MetricTarget } from './metrics';
import { channelKeys, notifyChannels } from './notify';
import type { AlertMetric, AlertWindow, NoDataMode } from './schemas';
import { step, type MachineRule } from './state-machine';
import { newAlertEventId } from './service';

export type CheckScope = { workspaceIds?: string[] | null; ruleIds?: string[] | null };
export type CheckPassResult = { at: string; checked: number; fired: number; resolved: number; failed: number; skipped: number; notificationsRetried: number; durationMs: number };

/** A pass this close to a rule's last check is the same pass run twice (a worker and the CLI at once): skipped. */
const DUPLICATE_CHECK_MS = 1_000;
const CONCURRENCY = 4;
const RETRY_BATCH = 100;

export const alertCheckIntervalSeconds = () => {
  const n = Number(process.env.ALERT_CHECK_INTERVAL_SECONDS ?? 300);
  return Number.isFinite(n) && n >= 10 ? Math.floor(n) : 300;
};

/** The public address of the rule in the dashboard, for the notifications' "Open in Confab". */
export function ruleUrl(ruleId: string): string {
  return `${appOrigin()}/alerts/${encodeURIComponent(ruleId)}`;
}

export const machineRuleOf = (row: AlertRuleRow): MachineRule => ({
  op: row.op as 'above' | 'below',
  threshold: row.threshold,
  compare: row.compare as 'value' | 'change',
  minConversations: row.min_conversations,
  forChecks: row.for_checks,
  noData: row.no_data as NoDataMode,
});

/** Per pass and workspace: goals' avatars, funnels and avatar names are read once. */
class Lookups {
  /** The goal's avatar (null: all), or undefined when the goal no longer exists. */
  private readonly goals = new Map<string, Promise<string | null | undefined>>();
  private readonly funnels = new Map<string, Promise<Funnel | null>>();
  private readonly avatars = new Map<string, Promise<string | null>>();
  goalAvatar(ws: string, id: string) {
    const key = `${ws}/${id}`;
    if (!this.goals.has(key)) this.goals.set(key, getGoal(ws, id).then((g) => (g ? g.avatarId : undefined)));
    return this.goals.get(key)!;
  }
  funnel(ws: string, id: string) {
    const key = `${ws}/${id}`;
    if (!this.funnels.has(key)) this.funnels.set(key, getFunnel(ws, id));
    return this.funnels.get(key)!;
  }
  avatarName(ws: string, id: string | null) {
    if (!id) return Promise.resolve(null);
    const key = `${ws}/${id}`;
    if (!this.avatars.has(key)) this.avatars.set(key, findAvatar(ws, id).then((a) => a?.name ?? id));
    return this.avatars.get(key)!;
  }
}

export async function targetOf(row: Pick<AlertRuleRow, 'workspace_id' | 'metric' | 'time_window' | 'avatar_id' | 'goal_id' | 'funnel_id' | 'funnel_step'>, lookups = new Lookups()): Promise<MetricTarget> {
  const ws = row.workspace_id;
  const goalAvatar = row.goal_id ? await lookups.goalAvatar(ws, row.goal_id) : null;
  return {
    metric: row.metric as AlertMetric,
    window: row.time_window as AlertWindow,
    avatarId: row.avatar_id,
    // A deleted goal leaves its rules measuring nothing (no data), not a rate of 0.
    goalId: goalAvatar === undefined ? null : row.goal_id,
    goalAvatarId: goalAvatar ?? null,
    funnel: row.funnel_id ? await lookups.funnel(ws, row.funnel_id) : null,
    funnelStep: row.funnel_step,
  };
}

function alertEventData(row: AlertRuleRow, value: number | null, at: Date): Record<string, unknown> {
  return {
    alertId: row.id,
    name: row.name,
    metric: row.metric,
    avatarId: row.avatar_id,
    op: row.op,
    compare: row.compare,
    value,
    threshold: row.threshold,
    window: row.time_window,
    at: at.toISOString(),
    url: ruleUrl(row.id),
  };
}

async function noticeOf(row: AlertRuleRow, event: Pick<AlertEventRow, 'status' | 'value' | 'at'>, lookups: Lookups): Promise<AlertNotice> {
  return {
    status: event.status,
    ruleName: row.name,
    metric: row.metric as AlertMetric,
    op: row.op as 'above' | 'below',
    compare: row.compare as 'value' | 'change',
    threshold: row.threshold,
    value: event.value,
    window: row.time_window,
    avatarName: await lookups.avatarName(row.workspace_id, row.avatar_id),
    at: event.at,
    url: ruleUrl(row.id),
  };
}

type RuleOutcome = { transition: 'fired' | 'resolved' | null; skipped: boolean };

async function checkRule(rule: AlertRuleRow, at: Date, lookups: Lookups, log: (line: string) => void): Promise<RuleOutcome> {
  const ws = rule.workspace_id;
  const target = await targetOf(rule, lookups);
  const [reading] = await readMetric(ws, target, [at], rule.compare === 'change');
  const written = await sql.begin(async (tx) => {
    const row = await findAlertRuleRow(tx, ws, rule.id, true);
    if (!row || !row.enabled) return null;
    if (row.last_checked_at && Math.abs(row.last_checked_at.getTime() - at.getTime()) < DUPLICATE_CHECK_MS) return null;
    // The rule may have changed since it was read: step it only if it still measures the same thing.
    if (row.metric !== rule.metric || row.time_window !== rule.time_window || row.compare !== rule.compare || row.avatar_id !== rule.avatar_id || row.goal_id !== rule.goal_id || row.funnel_id !== rule.funnel_id) return null;
    const result = step(machineRuleOf(row), { state: row.state as 'ok' | 'firing', breaches: row.breaches }, reading);
    await recordAlertCheck(tx, ws, row.id, { state: result.next.state, breaches: result.next.breaches, value: result.compared, hasData: result.hasData, at });
    if (!result.transition) return { row, transition: null, event: null };
    const snoozed = row.snoozed_until !== null && row.snoozed_until > at;
    const notifications: AlertNotificationRow[] = [];
    if (!snoozed && row.channels.some((c) => c.type === 'webhook')) {
      const type = result.transition === 'fired' ? 'alert.triggered' : 'alert.resolved';
      const event: OutboxEvent = { type, conversationId: null, data: alertEventData(row, result.compared, at) };
      await emitEvents(tx, ws, [event]);
      const key = channelKeys(row.channels)[row.channels.findIndex((c) => c.type === 'webhook')];
      notifications.push({ channel: key, ok: true, attempts: 1, at: new Date().toISOString() });
    }
    const done = snoozed || !row.channels.some((c) => c.type === 'email' || c.type === 'slack');
    const event = { id: newAlertEventId(), ruleId: row.id, status: result.transition, value: result.compared, threshold: row.threshold, at, snoozed, notifications, done };
    await insertAlertEvent(tx, ws, event);
    return { row, transition: result.transition, event };
  });
  if (!written) return { transition: null, skipped: true };
  if (written.event && !written.event.done) {
    await sendAndSave(written.row, { ...written.event, notifications: written.event.notifications }, lookups);
  }
  if (written.transition) log(`alert ${rule.id} (${rule.name}) ${written.transition} at ${at.toISOString()} with ${reading.value}`);
  return { transition: written.transition, skipped: false };
}

async function sendAndSave(row: AlertRuleRow, event: Pick<AlertEventRow, 'id' | 'status' | 'value' | 'at' | 'notifications'>, lookups: Lookups): Promise<void> {
  const outcome = await notifyChannels(row.workspace_id, row.channels, event.notifications, await noticeOf(row, event, lookups));
  await saveAlertNotifications(row.workspace_id, event.id, outcome.notifications, outcome.retryAt);
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** Sends what earlier passes left undone: failed channels with attempts left, and events whose sender died. */
export async function retryAlertNotifications(scope: CheckScope, now = new Date()): Promise<number> {
  const lookups = new Lookups();
  let total = 0;
  for (;;) {
    const due = await claimDueAlertEvents({ workspaceIds: scope.workspaceIds }, now, RETRY_BATCH);
    await eachLimited(due, CONCURRENCY, async (event) => {
      const row = await findAlertRuleRow(sql, event.workspace_id, event.rule_id);
      if (!row) return saveAlertNotifications(event.workspace_id, event.id, event.notifications, null);
      await sendAndSave(row, event, lookups);
    });
    total += due.length;
    if (due.length < RETRY_BATCH) return total;
  }
}

export async function runAlertChecks(options: CheckScope & { at?: Date; log?: (line: string) => void } = {}): Promise<CheckPassResult> {
  const started = performance.now();
  const at = options.at ?? new Date();
  const log = options.log ?? (() => {});
  const rules = await listEnabledAlertRules({ workspaceIds: options.workspaceIds, ruleIds: options.ruleIds });
  const lookups = new Lookups();
  const result: CheckPassResult = { at: at.toISOString(), checked: 0, fired: 0, resolved: 0, failed: 0, skipped: 0, notificationsRetried: 0, durationMs: 0 };
  await eachLimited(rules, CONCURRENCY, async (rule) => {
    try {
      const outcome = await checkRule(rule, at, lookups, log);
      if (outcome.skipped) return void (result.skipped += 1);
      result.checked += 1;
      if (outcome.transition === 'fired') result.fired += 1;
      if (outcome.transition === 'resolved') result.resolved += 1;
    } catch (error) {
      // One rule's failure (a query error) must not stop the others.
      result.failed += 1;
      log(`alert ${rule.id} check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  result.notificationsRetried = await retryAlertNotifications(options, new Date());
  result.durationMs = Math.round(performance.now() - started);
  return result;
}
