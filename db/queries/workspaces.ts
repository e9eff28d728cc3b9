/** Workspace settings reads and writes for the Settings › General page. */
import { eq } from 'drizzle-orm';
import { db, type DbExecutor } from '../index';
import { workspaces } from '../schema';

export type WorkspaceSettings = { name: string; timezone: string; inactivityTimeoutMinutes: number; escalationToolNames: string[] };

const columns = {
  name: workspaces.name,
  timezone: workspaces.timezone,
  inactivityTimeoutMinutes: workspaces.inactivityTimeoutMinutes,
  escalationToolNames: workspaces.escalationToolNames,
};

export async function getWorkspaceSettings(workspaceId: string, tx: DbExecutor = db): Promise<WorkspaceSettings | null> {
  const [row] = await tx.select(columns).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  return row ?? null;
}

/** Saves the settings and returns them as stored, or null when the workspace does not exist. */
export async function updateWorkspaceSettings(workspaceId: string, values: WorkspaceSettings, tx: DbExecutor = db): Promise<WorkspaceSettings | null> {
  const [row] = await tx.update(workspaces).set(values).where(eq(workspaces.id, workspaceId)).returning(columns);
  return row ?? null;
}
