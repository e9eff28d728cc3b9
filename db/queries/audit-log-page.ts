/** Settings › Audit log: one page of entries, newest first, by keyset on (created_at, id). */
import { sql } from '../index';

export type AuditActorFilter = { type: 'user' | 'key'; id: string };
export type AuditLogFilters = {
  actor: AuditActorFilter | null;
  action: string | null;
  /** Calendar days (YYYY-MM-DD) in the workspace's timezone, both inclusive. */
  from: string | null;
  to: string | null;
};
/**
 * The last row of the previous page: its time as Postgres prints it (microseconds kept) and its id. It goes
 * back as `::text::timestamptz`: a parameter typed timestamptz would pass through a JS Date and lose them.
 */
export type AuditCursor = { at: string; id: number };

export type AuditLogRow = {
  id: number;
  atKey: string;
  createdAt: Date;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  actorUserId: string | null;
  actorEmail: string | null;
  actorApiKeyId: string | null;
  keyName: string | null;
  keyPrefix: string | null;
};

export async function listAuditLogPage(
  workspaceId: string,
  filters: AuditLogFilters,
  options: { timezone: string; cursor: AuditCursor | null; limit: number },
): Promise<{ rows: AuditLogRow[]; next: AuditCursor | null }> {
  const { actor, action, from, to } = filters;
  const tz = options.timezone;
  const rows = await sql<AuditLogRow[]>`
    SELECT a.id::int AS id, to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "atKey",
      a.created_at AS "createdAt", a.action, a.target_type AS "targetType", a.target_id AS "targetId", host(a.ip) AS ip,
      a.actor_user_id AS "actorUserId", u.email AS "actorEmail", a.actor_api_key_id AS "actorApiKeyId",
      k.name AS "keyName", k.prefix AS "keyPrefix"
    FROM audit_log a
    LEFT JOIN users u ON u.id = a.actor_user_id
    LEFT JOIN api_keys k ON k.workspace_id = a.workspace_id AND k.id = a.actor_api_key_id
    WHERE a.workspace_id = ${workspaceId}::uuid
      ${actor?.type === 'user' ? sql`AND a.actor_user_id = ${actor.id}::uuid` : sql``}
      ${actor?.type === 'key' ? sql`AND a.actor_api_key_id = ${actor.id}::uuid` : sql``}
      ${action ? sql`AND a.action = ${action}` : sql``}
      ${from ? sql`AND a.created_at >= (${from}::date::timestamp AT TIME ZONE ${tz})` : sql``}
      ${to ? sql`AND a.created_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${tz})` : sql``}
      ${options.cursor ? sql`AND (a.created_at, a.id) < (${options.cursor.at}::text::timestamptz, ${options.cursor.id}::bigint)` : sql``}
    ORDER BY a.created_at DESC, a.id DESC
    LIMIT ${options.limit + 1}`;
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > options.limit && last ? { at: last.atKey, id: last.id } : null };
}

/** The actions this workspace's log holds, for the filter. */
export async function listAuditActions(workspaceId: string): Promise<string[]> {
  const rows = await sql<{ action: string }[]>`
    SELECT DISTINCT action FROM audit_log WHERE workspace_id = ${workspaceId}::uuid ORDER BY action LIMIT 500`;
  return rows.map((r) => r.action);
}
