/**
 * The weekly digest's reads and writes: members' preferences and recipients, the claims that make a week's
 * send happen once, and the digest's own figures (escalation reasons, notable transcripts, alert firings).
 * Ranges are the analytics plan's counted hours [hourStart, hourEnd) (lib/analytics/plan.ts), like the KPIs.
 */
import { and, eq, sql as drizzleSql } from 'drizzle-orm';
import { db, sql } from '../index';
import { digestPreferences, digestSends, memberships, users, type Role } from '../schema';

export type DigestSpan = { hourStart: Date; hourEnd: Date };

/** Roles whose members get the digest until they choose otherwise. */
export const DIGEST_DEFAULT_ROLES: Role[] = ['owner', 'admin'];

const effectiveEnabled = drizzleSql<boolean>`coalesce(${digestPreferences.enabled}, ${memberships.role} IN ('owner', 'admin'))`;

/** The member's preference, explicit or by role; null when they are not a member. */
export async function findDigestPreference(workspaceId: string, userId: string): Promise<{ enabled: boolean; explicit: boolean } | null> {
  const [row] = await db
    .select({ enabled: effectiveEnabled, explicit: drizzleSql<boolean>`${digestPreferences.enabled} IS NOT NULL` })
    .from(memberships)
    .leftJoin(digestPreferences, and(eq(digestPreferences.workspaceId, memberships.workspaceId), eq(digestPreferences.userId, memberships.userId)))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row ?? null;
}

export async function upsertDigestPreference(workspaceId: string, userId: string, enabled: boolean, now = new Date()) {
  await db
    .insert(digestPreferences)
    .values({ workspaceId, userId, enabled, updatedAt: now })
    .onConflictDoUpdate({ target: [digestPreferences.workspaceId, digestPreferences.userId], set: { enabled, updatedAt: now } });
}

export type DigestRecipient = { userId: string; email: string; name: string | null };

/** Members who want the digest and have not been sent the week starting `weekStart`, by e-mail. */
export async function listPendingDigestRecipients(workspaceId: string, weekStart: string): Promise<DigestRecipient[]> {
  return db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(digestPreferences, and(eq(digestPreferences.workspaceId, memberships.workspaceId), eq(digestPreferences.userId, memberships.userId)))
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        effectiveEnabled,
        drizzleSql`NOT EXISTS (SELECT 1 FROM ${digestSends} s WHERE s.workspace_id = ${workspaceId} AND s.user_id = ${users.id} AND s.week_start = ${weekStart})`,
      ),
    )
    .orderBy(users.email);
}

/** Claims the member's digest of the week; false when it was already claimed (sent, or being sent by another run). */
export async function claimDigestSend(workspaceId: string, userId: string, weekStart: string): Promise<boolean> {
  const rows = await db.insert(digestSends).values({ workspaceId, userId, weekStart }).onConflictDoNothing().returning({ userId: digestSends.userId });
  return rows.length > 0;
}

/** Gives a claim back after its mail failed, so the next run tries again. */
export async function releaseDigestSend(workspaceId: string, userId: string, weekStart: string) {
  await db
    .delete(digestSends)
    .where(and(eq(digestSends.workspaceId, workspaceId), eq(digestSends.userId, userId), eq(digestSends.weekStart, weekStart)));
}

export type DigestWorkspace = { id: string; name: string; timezone: string };

/** Every workspace (the scheduler works out which are due), or those named (tests). */
export async function listDigestWorkspaces(workspaceIds: string[] | null): Promise<DigestWorkspace[]> {
  if (workspaceIds) return sql<DigestWorkspace[]>`SELECT id, name, timezone FROM workspaces WHERE id = ANY(${workspaceIds}::uuid[]) ORDER BY id`;
  return sql<DigestWorkspace[]>`SELECT id, name, timezone FROM workspaces ORDER BY id`;
}

export type NotableConversationRow = { id: string; avatar_name: string; started_at: Date; sentiment_score: number | null; duration_s: number | null; first_user_message: string | null };

const notableColumns = () => sql`
  c.id, coalesce(av.name, c.avatar_id) AS avatar_name, c.started_at, c.sentiment_score::float8 AS sentiment_score,
  CASE WHEN c.ended_at IS NOT NULL AND c.message_count > 0 THEN extract(epoch FROM c.ended_at - c.started_at)::float8 END AS duration_s,
  c.first_user_message`;

/**
 * Three transcripts worth opening, each a different conversation where the week allows: the most negative
 * by sentiment, the latest escalated one, and the longest by duration (ended, with messages: DESIGN §3).
 */
export async function notableConversations(workspaceId: string, span: DigestSpan): Promise<{ negative: NotableConversationRow | null; escalated: NotableConversationRow | null; longest: NotableConversationRow | null }> {
  const inSpan = sql`c.workspace_id = ${workspaceId} AND c.started_at >= ${span.hourStart} AND c.started_at < ${span.hourEnd}`;
  const join = sql`LEFT JOIN avatars av ON av.workspace_id = c.workspace_id AND av.id = c.avatar_id`;
  const [negative] = await sql<NotableConversationRow[]>`
    SELECT ${notableColumns()} FROM conversations c ${join}
    WHERE ${inSpan} AND c.sentiment_label = 'negative'
    ORDER BY c.sentiment_score, c.started_at DESC, c.id LIMIT 1`;
  const taken = negative ? [negative.id] : [];
  const [escalated] = await sql<NotableConversationRow[]>`
    SELECT ${notableColumns()} FROM conversations c ${join}
    WHERE ${inSpan} AND c.escalated
    ORDER BY (c.id = ANY(${taken}::text[])), c.escalated_at DESC NULLS LAST, c.id LIMIT 1`;
  if (escalated) taken.push(escalated.id);
  const [longest] = await sql<NotableConversationRow[]>`
    SELECT ${notableColumns()} FROM conversations c ${join}
    WHERE ${inSpan} AND c.ended_at IS NOT NULL AND c.message_count > 0
    ORDER BY (c.id = ANY(${taken}::text[])), c.ended_at - c.started_at DESC, c.id LIMIT 1`;
  return { negative: negative ?? null, escalated: escalated ?? null, longest: longest ?? null };
}

export type AlertFiringRow = { rule_id: string; name: string; metric: string; compare: string; at: Date; value: number | null; threshold: number };

/** The alert rules that fired in the span (each `fired` transition of alert_events), oldest first. */
export async function alertFiringsOfWeek(workspaceId: string, span: DigestSpan): Promise<AlertFiringRow[]> {
  return sql<AlertFiringRow[]>`
    SELECT e.rule_id, r.name, r.metric, r.compare, e.at, e.value, e.threshold FROM alert_events e
    JOIN alert_rules r ON r.workspace_id = e.workspace_id AND r.id = e.rule_id
    WHERE e.workspace_id = ${workspaceId} AND e.status = 'fired' AND e.at >= ${span.hourStart} AND e.at < ${span.hourEnd}
    ORDER BY e.at, e.id`;
}

/** Who an unsubscribe link names, for its confirmation page; null when they are no longer a member. */
export async function findDigestMember(workspaceId: string, userId: string): Promise<{ email: string; workspaceName: string } | null> {
  const [row] = await sql<{ email: string; workspace_name: string }[]>`
    SELECT u.email, w.name AS workspace_name FROM memberships m
    JOIN users u ON u.id = m.user_id JOIN workspaces w ON w.id = m.workspace_id
    WHERE m.workspace_id = ${workspaceId} AND m.user_id = ${userId}`;
  return row ? { email: row.email, workspaceName: row.workspace_name } : null;
}
