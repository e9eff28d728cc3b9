/** The development outbox: mail stored instead of sent while SMTP_URL is unset. */
import { and, desc, eq } from 'drizzle-orm';
import { db } from '../index';
import { devMail } from '../schema';

export type StoredMail = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> };

export async function insertDevMail(workspaceId: string, mail: StoredMail): Promise<string> {
  const [row] = await db.insert(devMail).values({ workspaceId, ...mail }).returning({ id: devMail.id });
  return row.id;
}

export type DevMailSummary = { id: string; to: string; subject: string; createdAt: Date };

/** The workspace's outbox, newest first. */
export async function listDevMail(workspaceId: string, limit = 200): Promise<DevMailSummary[]> {
  return db
    .select({ id: devMail.id, to: devMail.to, subject: devMail.subject, createdAt: devMail.createdAt })
    .from(devMail)
    .where(eq(devMail.workspaceId, workspaceId))
    .orderBy(desc(devMail.createdAt), desc(devMail.id))
    .limit(limit);
}

export async function findDevMail(workspaceId: string, id: string) {
  const [row] = await db.select().from(devMail).where(and(eq(devMail.workspaceId, workspaceId), eq(devMail.id, id)));
  return row ?? null;
}
