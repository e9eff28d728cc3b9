/** The audit log: who changed what in a workspace, written in the transaction of the change it records. */
import { desc, eq } from 'drizzle-orm';
import type { TransactionSql } from 'postgres';
import { currentRequestIp } from '../request-context';
import { db, type DbExecutor } from '../index';
import { auditLog } from '../schema';

export type AuditEntry = {
  actorUserId?: string | null;
  actorApiKeyId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  /** Defaults to the client IP of the request being served (db/request-context.ts). */
  ip?: string | null;
};

/** A drizzle transaction or a postgres.js one (`sql.begin`, withRetryableTransaction): the change's own. */
export type AuditTransaction = DbExecutor | TransactionSql;

/** Writes the entry in `tx`, so that it commits or rolls back with the change. */
export async function insertAuditEntry(tx: AuditTransaction, workspaceId: string, entry: AuditEntry): Promise<void> {
  const ip = entry.ip === undefined ? currentRequestIp() : entry.ip;
  if ('insert' in tx) {
    await tx.insert(auditLog).values({ workspaceId, ...entry, ip });
    return;
  }
  await tx`
    INSERT INTO audit_log (workspace_id, actor_user_id, actor_api_key_id, action, target_type, target_id, details, ip)
    VALUES (${workspaceId}::uuid, ${entry.actorUserId ?? null}::uuid, ${entry.actorApiKeyId ?? null}::uuid, ${entry.action},
      ${entry.targetType ?? null}, ${entry.targetId ?? null}, ${entry.details === undefined ? null : JSON.stringify(entry.details)}::text::jsonb,
      ${ip}::inet)`;
}

export async function listAuditEntries(workspaceId: string, limit = 50) {
  return db.select().from(auditLog).where(eq(auditLog.workspaceId, workspaceId)).orderBy(desc(auditLog.createdAt)).limit(limit);
}
