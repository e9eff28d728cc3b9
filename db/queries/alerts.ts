/**
 * Alert rules and their events (DESIGN §8). Rule and event reads and writes are scoped to a workspace; the
 * checker's listing works across workspaces (it is the worker's), keyed by (workspace_id, id) throughout.
 */
import type { TransactionSql } from 'postgres';
import { sql } from '@/db';
import type { AlertChannelRow, AlertNotificationRow, AlertRecentCheck } from '@/db/schema/alerts';

type Executor = typeof sql | TransactionSql;

export type AlertRuleRow = {
  workspace_id: string;
  id: string;
  name: string;
  metric: string;
  avatar_id: string | null;
  goal_id: string | null;
  funnel_id: string | null;
  funnel_step: number | null;
  time_window: string;
  op: string;
  threshold: number;
  compare: string;
  min_conversations: number;
  for_checks: number;
  no_data: string;
  channels: AlertChannelRow[];
  enabled: boolean;
  snoozed_until: Date | null;
  state: string;
  breaches: number;
  last_value: number | null;
  last_has_data: boolean | null;
  last_checked_at: Date | null;
  recent_checks: AlertRecentCheck[];
  created_at: Date;
  updated_at: Date;
};

export type AlertEventRow = {
  workspace_id: string;
  id: string;
  rule_id: string;
  status: 'fired' | 'resolved';
  value: number | null;
  threshold: number;
  at: Date;
  snoozed: boolean;
  notifications: AlertNotificationRow[];
  notified_at: Date | null;
  retry_at: Date | null;
  created_at: Date;
};

/** The fields a rule is written with (create and update). */
export type AlertRuleFieldsRow = {
  name: string;
  metric: string;
  avatarId: string | null;
  goalId: string | null;
  funnelId: string | null;
  funnelStep: number | null;
  window: string;
  op: string;
  threshold: number;
  compare: string;
  minConversations: number;
  forChecks: number;
  noData: string;
  channels: AlertChannelRow[];
  enabled: boolean;
  snoozedUntil: Date | null;
};

const json = (value: unknown) => JSON.stringify(value);

/** Conversations with feedback labelled neutral, per UTC hour (only hours that have some). */
export async function neutralFeedbackByHour(workspaceId: string, start: Date, end: Date, avatarId: string | null): Promise<{ bucket: Date; feedback_neutral: number }[]> {
  return sql<{ bucket: Date; feedback_neutral: number }[]>`
    SELECT bucket, sum(feedback_neutral)::float8 AS feedback_neutral FROM ${avatarId ? sql`rollup_sources` : sql`rollup_sources_all`}
    WHERE workspace_id = ${workspaceId} AND bucket >= ${start} AND bucket < ${end} ${avatarId ? sql`AND avatar_id = ${avatarId}` : sql``}
    GROUP BY bucket HAVING sum(feedback_neutral) <> 0`;
}

export async function listAlertRuleRows(workspaceId: string): Promise<AlertRuleRow[]> {
  return sql<AlertRuleRow[]>`SELECT * FROM alert_rules WHERE workspace_id = ${workspaceId} ORDER BY created_at, id`;
}

export async function findAlertRuleRow(q: Executor, workspaceId: string, id: string, lock = false): Promise<AlertRuleRow | null> {
  const [row] = await q<AlertRuleRow[]>`
    SELECT * FROM alert_rules WHERE workspace_id = ${workspaceId} AND id = ${id} ${lock ? q`FOR UPDATE` : q``}`;
  return row ?? null;
}

export async function insertAlertRuleRow(tx: TransactionSql, workspaceId: string, id: string, f: AlertRuleFieldsRow): Promise<void> {
  await tx`
    INSERT INTO alert_rules (workspace_id, id, name, metric, avatar_id, goal_id, funnel_id, funnel_step, time_window, op, threshold,
      compare, min_conversations, for_checks, no_data, channels, enabled, snoozed_until)
    VALUES (${workspaceId}, ${id}, ${f.name}, ${f.metric}, ${f.avatarId}, ${f.goalId}, ${f.funnelId}, ${f.funnelStep}, ${f.window}, ${f.op},
      ${f.threshold}, ${f.compare}, ${f.minConversations}, ${f.forChecks}, ${f.noData}, ${json(f.channels)}::text::jsonb, ${f.enabled}, ${f.snoozedUntil})`;
}

/**
 * Rewrites a rule's fields. A change to what it measures or how (metric, scope, window, condition) starts its
 * state machine afresh: the old streak and value say nothing about the new rule.
 */
export async function updateAlertRuleRow(tx: TransactionSql, workspaceId: string, id: string, f: AlertRuleFieldsRow, reset: boolean): Promise<boolean> {
  const rows = await tx`
    UPDATE alert_rules SET name = ${f.name}, metric = ${f.metric}, avatar_id = ${f.avatarId}, goal_id = ${f.goalId}, funnel_id = ${f.funnelId},
      funnel_step = ${f.funnelStep}, time_window = ${f.window}, op = ${f.op}, threshold = ${f.threshold}, compare = ${f.compare},
      min_conversations = ${f.minConversations}, for_checks = ${f.forChecks}, no_data = ${f.noData}, channels = ${json(f.channels)}::text::jsonb,
      enabled = ${f.enabled}, snoozed_until = ${f.snoozedUntil}, updated_at = now()
      ${reset ? tx`, state = 'ok', breaches = 0, last_value = NULL, last_has_data = NULL, last_checked_at = NULL, recent_checks = '[]'::jsonb` : tx``}
    WHERE workspace_id = ${workspaceId} AND id = ${id}
    RETURNING id`;
  return rows.length > 0;
}

export async function deleteAlertRuleRow(tx: TransactionSql, workspaceId: string, id: string): Promise<boolean> {
  const rows = await tx`DELETE FROM alert_rules WHERE workspace_id = ${workspaceId} AND id = ${id} RETURNING id`;
  if (rows.length === 0) return false;
  await tx`DELETE FROM alert_events WHERE workspace_id = ${workspaceId} AND rule_id = ${id}`;
  return true;
}

export async function setAlertSnooze(workspaceId: string, id: string, until: Date | null): Promise<boolean> {
  const rows = await sql`UPDATE alert_rules SET snoozed_until = ${until}, updated_at = now() WHERE workspace_id = ${workspaceId} AND id = ${id} RETURNING id`;
  return rows.length > 0;
}

/** Enabled rules of every workspace (or of `workspaceIds`), or only `ruleIds` of one workspace. */
export async function listEnabledAlertRules(scope: { workspaceIds?: string[] | null; ruleIds?: string[] | null }): Promise<AlertRuleRow[]> {
  return sql<AlertRuleRow[]>`
    SELECT * FROM alert_rules
    WHERE enabled
      ${scope.workspaceIds ? sql`AND workspace_id = ANY(${scope.workspaceIds}::uuid[])` : sql``}
      ${scope.ruleIds ? sql`AND id = ANY(${scope.ruleIds}::text[])` : sql``}
    ORDER BY workspace_id, id`;
}

/** The state a check leaves; `recent` is appended to the rule's last checks (capped at 48). */
export type AlertCheckWrite = { state: string; breaches: number; value: number | null; hasData: boolean; at: Date };

export async function recordAlertCheck(tx: TransactionSql, workspaceId: string, id: string, c: AlertCheckWrite): Promise<void> {
  const recent = json([{ at: c.at.toISOString(), value: c.value }]);
  await tx`
    UPDATE alert_rules SET state = ${c.state}, breaches = ${c.breaches}, last_value = ${c.value}, last_has_data = ${c.hasData}, last_checked_at = ${c.at},
      recent_checks = (
        SELECT coalesce(jsonb_agg(e ORDER BY ord), '[]'::jsonb) FROM (
          SELECT e, ord FROM jsonb_array_elements(recent_checks || ${recent}::text::jsonb) WITH ORDINALITY AS x(e, ord)
          ORDER BY ord DESC LIMIT 48
        ) kept
      )
    WHERE workspace_id = ${workspaceId} AND id = ${id}`;
}

export async function insertAlertEvent(
  tx: TransactionSql,
  workspaceId: string,
  e: {
    id: string;
    ruleId: string;
    status: 'fired' | 'resolved';
    value: number | null;
    threshold: number;
    at: Date;
    snoozed: boolean;
    notifications: AlertNotificationRow[];
    /** Nothing left to send (no channels, snoozed, or only the webhook channel, written here). */
    done: boolean;
  },
): Promise<void> {
  await tx`
    INSERT INTO alert_events (workspace_id, id, rule_id, status, value, threshold, at, snoozed, notifications, notified_at, retry_at)
    VALUES (${workspaceId}, ${e.id}, ${e.ruleId}, ${e.status}, ${e.value}, ${e.threshold}, ${e.at}, ${e.snoozed},
      ${json(e.notifications)}::text::jsonb, ${e.done ? tx`now()` : null}, ${e.done ? null : tx`now() + make_interval(secs => ${NOTIFY_LEASE_SECONDS})`})`;
}

/** How long a sender holds an event before another may take it over. */
export const NOTIFY_LEASE_SECONDS = 120;

/** After a send: done, or the time of the next try. */
export async function saveAlertNotifications(workspaceId: string, eventId: string, notifications: AlertNotificationRow[], retryAt: Date | null): Promise<void> {
  await sql`
    UPDATE alert_events SET notifications = ${json(notifications)}::text::jsonb,
      notified_at = ${retryAt ? null : sql`now()`}, retry_at = ${retryAt}
    WHERE workspace_id = ${workspaceId} AND id = ${eventId}`;
}

export async function listAlertEventRows(workspaceId: string, ruleId: string, limit: number): Promise<AlertEventRow[]> {
  return sql<AlertEventRow[]>`
    SELECT * FROM alert_events WHERE workspace_id = ${workspaceId} AND rule_id = ${ruleId}
    ORDER BY at DESC, created_at DESC, id DESC LIMIT ${limit}`;
}

/**
 * Takes up to `limit` events whose notifications are due again (a channel failed and has attempts left, or
 * their sender died), leasing them so no other pass sends them at the same time.
 */
export async function claimDueAlertEvents(scope: { workspaceIds?: string[] | null }, now: Date, limit: number): Promise<AlertEventRow[]> {
  return sql<AlertEventRow[]>`
    UPDATE alert_events e SET retry_at = ${now}::timestamptz + make_interval(secs => ${NOTIFY_LEASE_SECONDS})
    FROM (
      SELECT workspace_id, id FROM alert_events
      WHERE notified_at IS NULL AND retry_at <= ${now} ${scope.workspaceIds ? sql`AND workspace_id = ANY(${scope.workspaceIds}::uuid[])` : sql``}
      ORDER BY retry_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ) due
    WHERE e.workspace_id = due.workspace_id AND e.id = due.id
    RETURNING e.*`;
}
