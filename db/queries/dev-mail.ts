/** The development outbox: mail stored instead of sent while SMTP_URL is unset. */
import { desc, eq } from 'drizzle-orm';
import { db } from '../index';
import { devMail } from '../schema';

export type StoredMail = { to: string; subject: string; text: string; html: string };

export async function insertDevMail(workspaceId: string, mail: StoredMail): Promise<string> {
  const [row] = await db.insert(devMail).values({ workspaceId, ...mail }).returning({ id: devMail.id });
  return row.id;
}

export async function listDevMail(workspaceId: string, limit = 100) {
  return db.select().from(devMail).where(eq(devMail.workspaceId, workspaceId)).orderBy(desc(devMail.createdAt)).limit(limit);
}
