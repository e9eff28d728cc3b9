/**
 * The seat check. Billing will count members plus pending invitations against the plan's seat limit here;
 * until it does, every workspace has unlimited seats. Called inside the team change's transaction (after
 * `lockWorkspaceTeam`), before an invitation is created and before one is accepted.
 */
import type { DbExecutor } from '@/db';

export type SeatCheck = { ok: true } | { ok: false; message: string };

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function checkSeatAvailable(workspaceId: string, tx?: DbExecutor): Promise<SeatCheck> {
  return { ok: true };
}
