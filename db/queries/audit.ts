/** The audit log: who changed what in a workspace. */
import { desc, eq } from 'drizzle-orm';
import { db } from '../index';
import { auditLog } from '../schema';

export type AuditEntry = {
  actorUserId?: string | null;
  actorApiKeyId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

export async function insertAuditEntry(workspaceId: string, entry: AuditEntry) {
  await db.insert(auditLog).values({ workspaceId, ...entry });
}

export async function listAuditEntries(workspaceId: string, limit = 50) {
  return db.select().from(auditLog).where(eq(auditLog.workspaceId, workspaceId)).orderBy(desc(auditLog.createdAt)).limit(limit);
}
