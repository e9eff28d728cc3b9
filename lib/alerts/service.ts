/**
 * Alert rules (DESIGN §8), shared by /v1/alerts and the Alerts page: create, list, read (with the state and
 * the last check's value), update, delete, snooze, and each rule's events. Every change is audited in its
 * own transaction. A rule's goal, funnel and avatar must exist in the workspace (a 422 at that path).
 */
import { randomBytes } from 'node:crypto';
import { sql } from '@/db';
import {
  deleteAlertRuleRow,
  findAlertRuleRow,
  insertAlertRuleRow,
  listAlertEventRows,
  listAlertRuleRows,
  setAlertSnooze,
  updateAlertRuleRow,
  type AlertEventRow,
  type AlertRuleFieldsRow,
  type AlertRuleRow,
} from '@/db/queries/alerts';
import { insertAuditEntry } from '@/db/queries/audit';
import { findAvatar } from '@/db/queries/avatars';
import type { AlertChannelRow, AlertRecentCheck } from '@/db/schema/alerts';
import { ApiError } from '@/lib/api/errors';
import { getFunnel } from '@/lib/funnels/service';
import { getGoal } from '@/lib/goals/service';
import {
  alertEventsQuerySchema,
  alertRulePatchSchema,
  alertRuleSchema,
  snoozeSchema,
  type AlertMetric,
  type AlertRuleFields,
  type AlertWindow,
  type NoDataMode,
} from './schemas';

export type AlertActor = { userId?: string | null; apiKeyId?: string | null };

export type AlertRule = {
  id: string;
  name: string;
  metric: AlertMetric;
  avatarId: string | null;
  goalId: string | null;
  funnelId: string | null;
  funnelStep: number | null;
  window: AlertWindow;
  condition: { op: 'above' | 'below'; threshold: number; compare: 'value' | 'change' };
  minConversations: number;
  forChecks: number;
  noData: NoDataMode;
  channels: AlertChannelRow[];
  enabled: boolean;
  snoozedUntil: string | null;
  /** The state machine's state after the last check. */
  state: 'ok' | 'firing';
  /** What the last check held against the threshold (the value, or the relative change); null without data or before the first check. */
  value: number | null;
  /** False when the last check had no data (see `noData`); null before the first check. */
  hasData: boolean | null;
  checkedAt: string | null;
  /** Up to the last 48 checks, oldest first. */
  recentChecks: AlertRecentCheck[];
  createdAt: string;
  updatedAt: string;
};

export type AlertEvent = {
  id: string;
  ruleId: string;
  status: 'fired' | 'resolved';
  value: number | null;
  threshold: number;
  at: string;
  /** The rule was snoozed: the transition is recorded and nobody was told. */
  snoozed: boolean;
  notifications: { channel: string; ok: boolean; error?: string; attempts: number; at: string }[];
};

export const newAlertId = () => `alr_${randomBytes(9).toString('base64url')}`;
export const newAlertEventId = () => `alev_${randomBytes(12).toString('hex')}`;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const actorFields = (actor: AlertActor) => ({ actorUserId: actor.userId ?? null, actorApiKeyId: actor.apiKeyId ?? null });

export function toAlertRule(row: AlertRuleRow): AlertRule {
  return {
    id: row.id,
    name: row.name,
    metric: row.metric as AlertMetric,
    avatarId: row.avatar_id,
    goalId: row.goal_id,
    funnelId: row.funnel_id,
    funnelStep: row.funnel_step,
    window: row.time_window as AlertWindow,
    condition: { op: row.op as 'above' | 'below', threshold: row.threshold, compare: row.compare as 'value' | 'change' },
    minConversations: row.min_conversations,
    forChecks: row.for_checks,
    noData: row.no_data as NoDataMode,
    channels: row.channels,
    enabled: row.enabled,
    snoozedUntil: iso(row.snoozed_until),
    state: row.state as 'ok' | 'firing',
    value: row.last_value,
    hasData: row.last_has_data,
    checkedAt: iso(row.last_checked_at),
    recentChecks: row.recent_checks,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toAlertEvent(row: AlertEventRow): AlertEvent {
  return {
    id: row.id,
    ruleId: row.rule_id,
    status: row.status,
    value: row.value,
    threshold: row.threshold,
    at: row.at.toISOString(),
    snoozed: row.snoozed,
    notifications: row.notifications.map((n) => ({ channel: n.channel, ok: n.ok, ...(n.error ? { error: n.error } : {}), attempts: n.attempts, at: n.at })),
  };
}

const invalid = (path: string, message: string) => new ApiError(422, 'validation_error', 'Invalid request', [{ path, message }]);

/** The goal, funnel (and step) and avatar a rule names must be this workspace's. */
export async function assertRuleTargets(workspaceId: string, rule: Pick<AlertRuleFields, 'avatarId' | 'goalId' | 'funnelId' | 'funnelStep'>): Promise<void> {
  if (rule.avatarId && !(await findAvatar(workspaceId, rule.avatarId))) throw invalid('avatarId', 'No avatar with this id in the workspace');
  if (rule.goalId && !(await getGoal(workspaceId, rule.goalId))) throw invalid('goalId', 'No goal with this id in the workspace');
  if (rule.funnelId) {
    const funnel = await getFunnel(workspaceId, rule.funnelId);
    if (!funnel) throw invalid('funnelId', 'No funnel with this id in the workspace');
    if (rule.funnelStep != null && rule.funnelStep >= funnel.steps.length) {
      throw invalid('funnelStep', `The funnel has ${funnel.steps.length} steps: use 0 to ${funnel.steps.length - 1}`);
    }
  }
}

function fieldsRow(r: AlertRuleFields): AlertRuleFieldsRow {
  return {
    name: r.name,
    metric: r.metric,
    avatarId: r.avatarId ?? null,
    goalId: r.goalId ?? null,
    funnelId: r.funnelId ?? null,
    funnelStep: r.funnelStep ?? null,
    window: r.window,
    op: r.condition.op,
    threshold: r.condition.threshold,
    compare: r.condition.compare,
    minConversations: r.minConversations,
    forChecks: r.forChecks,
    noData: r.noData,
    channels: r.channels as AlertChannelRow[],
    enabled: r.enabled,
    snoozedUntil: r.snoozedUntil ?? null,
  };
}

export async function listAlertRules(workspaceId: string): Promise<AlertRule[]> {
  return (await listAlertRuleRows(workspaceId)).map(toAlertRule);
}

export async function getAlertRule(workspaceId: string, id: string): Promise<AlertRule | null> {
  const row = await findAlertRuleRow(sql, workspaceId, id);
  return row ? toAlertRule(row) : null;
}

export async function createAlertRule(workspaceId: string, raw: unknown, actor: AlertActor): Promise<AlertRule> {
  const input = alertRuleSchema.parse(raw);
  await assertRuleTargets(workspaceId, input);
  const id = newAlertId();
  await sql.begin(async (tx) => {
    await insertAlertRuleRow(tx, workspaceId, id, fieldsRow(input));
    await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'alert.created', targetType: 'alert', targetId: id, details: { name: input.name, metric: input.metric } });
  });
  return (await getAlertRule(workspaceId, id))!;
}

/** The rule as the API gives it, back in the input's shape, for a PATCH to be merged over. */
function inputOf(rule: AlertRule): Record<string, unknown> {
  return {
    name: rule.name,
    metric: rule.metric,
    avatarId: rule.avatarId,
    goalId: rule.goalId,
    funnelId: rule.funnelId,
    funnelStep: rule.funnelStep,
    window: rule.window,
    condition: rule.condition,
    minConversations: rule.minConversations,
    forChecks: rule.forChecks,
    noData: rule.noData,
    channels: rule.channels,
    enabled: rule.enabled,
  };
}

const MEASURE_FIELDS = ['metric', 'avatarId', 'goalId', 'funnelId', 'funnelStep', 'window', 'condition', 'minConversations', 'forChecks', 'noData'] as const;

/** Merges the fields sent over the rule and validates the result whole; a change to what it measures restarts its state. */
export async function updateAlertRule(workspaceId: string, id: string, raw: unknown, actor: AlertActor): Promise<AlertRule | null> {
  const patch = alertRulePatchSchema.parse(raw);
  const current = await getAlertRule(workspaceId, id);
  if (!current) return null;
  const base = inputOf(current);
  // A metric change drops the other metric's goal or funnel unless the patch names them again.
  if (patch.metric && patch.metric !== current.metric) {
    if (patch.goalId === undefined) base.goalId = null;
    if (patch.funnelId === undefined) base.funnelId = null;
    if (patch.funnelStep === undefined) base.funnelStep = null;
  }
  // The patch passed its schema, so the body is an object of known fields: merged as sent and validated whole.
  const { snoozedUntil: _snooze, ...sent } = raw as Record<string, unknown>;
  const merged = alertRuleSchema.parse({ ...base, ...sent });
  await assertRuleTargets(workspaceId, merged);
  const snoozedUntil = patch.snoozedUntil === undefined ? (current.snoozedUntil ? new Date(current.snoozedUntil) : null) : patch.snoozedUntil;
  const reset = MEASURE_FIELDS.some((f) => f in patch && JSON.stringify((merged as Record<string, unknown>)[f] ?? null) !== JSON.stringify((current as Record<string, unknown>)[f] ?? null));
  const done = await sql.begin(async (tx) => {
    const ok = await updateAlertRuleRow(tx, workspaceId, id, { ...fieldsRow(merged), snoozedUntil }, reset);
    if (ok) await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'alert.updated', targetType: 'alert', targetId: id, details: { fields: Object.keys(patch) } });
    return ok;
  });
  return done ? getAlertRule(workspaceId, id) : null;
}

export async function deleteAlertRule(workspaceId: string, id: string, actor: AlertActor): Promise<boolean> {
  return sql.begin(async (tx) => {
    const deleted = await deleteAlertRuleRow(tx, workspaceId, id);
    if (deleted) await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'alert.deleted', targetType: 'alert', targetId: id });
    return deleted;
  });
}

/** Snoozes until `until` (`null` ends the snooze): the rule is still checked and moves state, and tells nobody. */
export async function snoozeAlertRule(workspaceId: string, id: string, raw: unknown, actor: AlertActor): Promise<AlertRule | null> {
  const { until } = snoozeSchema.parse(raw);
  if (!(await setAlertSnooze(workspaceId, id, until))) return null;
  await sql.begin((tx) =>
    insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: until ? 'alert.snoozed' : 'alert.unsnoozed', targetType: 'alert', targetId: id, details: { until: iso(until) } }),
  );
  return getAlertRule(workspaceId, id);
}

/** The rule's fired and resolved events, newest first; null for a rule this workspace does not have. */
export async function listAlertEvents(workspaceId: string, id: string, rawQuery: unknown): Promise<{ data: AlertEvent[] } | null> {
  const { limit } = alertEventsQuerySchema.parse(rawQuery);
  if (!(await findAlertRuleRow(sql, workspaceId, id))) return null;
  return { data: (await listAlertEventRows(workspaceId, id, limit)).map(toAlertEvent) };
}
