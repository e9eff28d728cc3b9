/**
 * An owner deletes a workspace by typing its slug. Its audit rows go with it, so the deletion is written
 * to the server log instead (who, which workspace, how many rows, from which address).
 */
import { eraseWorkspace } from '@/db/queries/workspace-erase';
import { currentRequestIp } from '@/db/request-context';

export type DeleteWorkspaceOutcome = { ok: true } | { ok: false; reason: 'mismatch' | 'gone' };

export async function deleteWorkspaceConfirmed(
  workspace: { id: string; slug: string },
  confirmSlug: string,
  actor: { userId: string; email: string },
): Promise<DeleteWorkspaceOutcome> {
  if (confirmSlug !== workspace.slug) return { ok: false, reason: 'mismatch' };
  const erased = await eraseWorkspace(workspace.id);
  if (!erased) return { ok: false, reason: 'gone' };
  console.info(
    JSON.stringify({
      event: 'workspace.deleted',
      workspaceId: workspace.id,
      slug: workspace.slug,
      actorUserId: actor.userId,
      actorEmail: actor.email,
      ip: currentRequestIp(),
      tables: erased.tables,
      rows: erased.rows,
      at: new Date().toISOString(),
    }),
  );
  return { ok: true };
}
