/** Conversation reads shared by pages. */
import { sql } from '../index';

export async function hasAnyConversation(workspaceId: string): Promise<boolean> {
  const rows = await sql`select 1 from conversations where workspace_id = ${workspaceId} limit 1`;
  return rows.length > 0;
}
