/** The development outbox: mail stored instead of sent while SMTP_URL is unset. */
import { db } from '../index';
import { devMail } from '../schema';

export type StoredMail = { to: string; subject: string; text: string; html: string };

export async function insertDevMail(workspaceId: string, mail: StoredMail): Promise<string> {
  const [row] = await db.insert(devMail).values({ workspaceId, ...mail }).returning({ id: devMail.id });
  return row.id;
}
