/**
 * Following an invitation link: what the link is worth (valid, expired, revoked, used), and accepting it
 * as a signed-in user with the invited e-mail or as a new user signing up with it. Single use: the
 * invitation row is locked, checked and marked accepted in the transaction that adds the membership.
 */
import { db, type DbExecutor } from '@/db';
import { findUserById, insertUser } from '@/db/queries/accounts';
import { insertAuditEntry } from '@/db/queries/audit';
import { findInvitationByTokenHash, insertMembership, lockWorkspaceTeam, updateInvitation } from '@/db/queries/team';
import type { Invitation } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { refuse } from './errors';
import { checkSeatAvailable } from './seats';
import { hashInvitationToken } from './tokens';

export type InvitationState = 'valid' | 'expired' | 'revoked' | 'used' | 'unknown';
export type InvitationView = { state: InvitationState; email?: string; role?: Invitation['role']; workspaceName?: string; workspaceId?: string };

const stateOf = (invitation: Invitation, now: Date): InvitationState =>
  invitation.acceptedAt ? 'used' : invitation.revokedAt ? 'revoked' : invitation.expiresAt <= now ? 'expired' : 'valid';

/** What the invite page shows. A dead link shows only the workspace's name, not who was invited nor as what. */
export async function viewInvitation(token: string, now = new Date()): Promise<InvitationView> {
  const row = await findInvitationByTokenHash(hashInvitationToken(token));
  if (!row) return { state: 'unknown' };
  const state = stateOf(row.invitation, now);
  if (state !== 'valid') return { state, workspaceName: row.workspaceName };
  return { state, email: row.invitation.email, role: row.invitation.role, workspaceName: row.workspaceName, workspaceId: row.invitation.workspaceId };
}

const REFUSALS: Record<Exclude<InvitationState, 'valid'>, string> = {
  unknown: 'This invitation link is not valid.',
  expired: 'This invitation has expired. Ask for a new one.',
  revoked: 'This invitation was revoked.',
  used: 'This invitation has already been used.',
};

/** Locks the valid invitation behind `token`, checks a seat, and makes `userId` a member, all in `tx`. */
async function joinWithToken(tx: DbExecutor, token: string, userId: string, email: string, newAccount: boolean) {
  const row = await findInvitationByTokenHash(hashInvitationToken(token), tx, true);
  const state = row ? stateOf(row.invitation, new Date()) : 'unknown';
  if (!row || state !== 'valid') return refuse(REFUSALS[state as Exclude<InvitationState, 'valid'>]);
  const { invitation } = row;
  if (invitation.email !== email) refuse(`This invitation is for ${invitation.email}. Switch to that account to accept it.`);
  await lockWorkspaceTeam(invitation.workspaceId, tx);
  const seats = await checkSeatAvailable(invitation.workspaceId, tx, 'accept');
  if (!seats.ok) refuse(seats.message);
  const joined = await insertMembership(invitation.workspaceId, userId, invitation.role, tx);
  await updateInvitation(invitation.workspaceId, invitation.id, { acceptedAt: new Date(), acceptedBy: userId }, tx);
  await insertAuditEntry(tx, invitation.workspaceId, {
    actorUserId: userId,
    action: 'invitation.accepted',
    targetType: 'invitation',
    targetId: invitation.id,
    // joined false: the user was already a member (added meanwhile); their role stays as it was.
    details: { email, role: invitation.role, joined, newAccount },
  });
  return { workspaceId: invitation.workspaceId, workspaceName: row.workspaceName, joined };
}

/** A signed-in user accepts; their e-mail must be the invited one. */
export async function acceptInvitation(token: string, userId: string) {
  const user = await findUserById(userId);
  if (!user) return refuse('Your session has ended. Sign in again.');
  return db.transaction((tx) => joinWithToken(tx, token, userId, user.email, false));
}

/** A new user signs up with the invited e-mail and joins the workspace, in one transaction. */
export async function signUpWithInvitation(token: string, input: { name: string; password: string }) {
  const view = await viewInvitation(token);
  if (view.state !== 'valid' || !view.email) return refuse(REFUSALS[view.state as Exclude<InvitationState, 'valid'>] ?? REFUSALS.unknown);
  const email = view.email;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await insertUser({ email, name: input.name || null, passwordHash }, tx);
    if (!user) refuse(`An account with ${email} already exists. Sign in to accept the invitation.`);
    const joined = await joinWithToken(tx, token, user!.id, email, true);
    return { ...joined, email };
  });
}
