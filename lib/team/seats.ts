/**
 * The seat check: members plus pending invitations against the effective plan's seats (lib/billing/plans.ts);
 * unlimited while billing is off. Called inside the team change's transaction (after `lockWorkspaceTeam`):
 * before an invitation is created (`invite`: it takes a seat), and before one is accepted (`accept`: its
 * pending seat becomes a member's, so only the members are counted against the limit).
 */
import type { DbExecutor } from '@/db';
import { countSeatsTaken, getWorkspaceBilling } from '@/db/queries/billing';
import { billingEnabled, effectivePlan, PLANS } from '@/lib/billing/plans';

export type SeatCheck = { ok: true } | { ok: false; message: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function checkSeatAvailable(workspaceId: string, tx?: DbExecutor, kind: 'invite' | 'accept' = 'invite'): Promise<SeatCheck> {
  if (!billingEnabled()) return { ok: true };
  const workspace = await getWorkspaceBilling(workspaceId, tx);
  if (!workspace) return { ok: true };
  const plan = PLANS[effectivePlan(workspace)];
  const { members, pending } = await countSeatsTaken(workspaceId, tx);
  const taken = kind === 'invite' ? members + pending : members;
  if (taken < plan.seats) return { ok: true };
  const upgrade = plan.id === 'team' ? 'Remove a member or revoke a pending invitation first.' : 'Remove a member, revoke a pending invitation, or upgrade in Settings › Billing.';
  return {
    ok: false,
    message:
      kind === 'invite'
        ? `All ${plan.seats} seats of the ${plan.name} plan are taken (${plural(members, 'member')}, ${plural(pending, 'pending invitation')}). ${upgrade}`
        : `This workspace has no free seat: its ${plan.name} plan has ${plan.seats} seats and ${plural(members, 'member')}. Ask an owner to make room or upgrade.`,
  };
}
