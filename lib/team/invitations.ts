/**
 * Inviting people: create, resend (a new token) and revoke, each with its audit entry in the same
 * transaction. The e-mail goes out after the commit; the link is also returned once for the inviter to copy.
 */
import { db } from '@/db';
import { findUserByEmail } from '@/db/queries/accounts';
import { insertAuditEntry } from '@/db/queries/audit';
import { findMember, findPendingInvitationByEmail, insertInvitation, lockPendingInvitation, lockWorkspaceTeam, updateInvitation } from '@/db/queries/team';
import type { Invitation, Role } from '@/db/schema';
import { roleAtLeast } from '@/lib/auth/roles';
import { sendMail } from '@/lib/mail';
import { refuse } from './errors';
import type { InviteInput } from './schemas';
import { checkSeatAvailable } from './seats';
import { INVITATION_TTL_MS, invitationLink, newInvitationToken } from './tokens';

export type TeamActor = { userId: string; email: string; role: Role };
export type SentInvitation = { id: string; email: string; role: Role; link: string; mailed: boolean };

/** Admins invite up to their own level, so only owners invite (or re-invite, or revoke) owners. */
function assertMayInviteAs(actor: TeamActor, role: Role) {
  if (!roleAtLeast(actor.role, 'admin')) refuse('Only admins and owners invite people.');
  if (!roleAtLeast(actor.role, role)) refuse(`Only owners invite ${role}s.`);
}

async function mailInvitation(workspaceId: string, workspaceName: string, actor: TeamActor, invitation: Invitation, link: string): Promise<boolean> {
  try {
    await sendMail(workspaceId, invitation.email, {
      subject: `${actor.email} invited you to ${workspaceName} on Confab`,
      heading: `Join ${workspaceName} on Confab`,
      paragraphs: [
        `${actor.email} invited you to the workspace ${workspaceName} as ${invitation.role}.`,
        `The link works once and expires on ${invitation.expiresAt.toUTCString()}.`,
      ],
      action: { label: 'Accept the invitation', url: link },
      footer: 'If you did not expect this invitation, ignore this e-mail.',
    });
    return true;
  } catch (error) {
    // The invitation stands: the inviter still has the link to pass on.
    console.error('[confab] invitation e-mail failed', error);
    return false;
  }
}

export async function createInvitation(workspace: { id: string; name: string }, actor: TeamActor, input: InviteInput, origin: string): Promise<SentInvitation> {
  assertMayInviteAs(actor, input.role);
  const { token, tokenHash } = newInvitationToken();
  // Before the transaction: a query on another connection inside it would wait forever on the embedded database.
  const user = await findUserByEmail(input.email);
  const invitation = await db.transaction(async (tx) => {
    await lockWorkspaceTeam(workspace.id, tx);
    if (user && (await findMember(workspace.id, user.id, tx))) refuse(`${input.email} is already a member.`);
    if (await findPendingInvitationByEmail(workspace.id, input.email, tx)) refuse(`${input.email} already has a pending invitation; resend it instead.`);
    const seats = await checkSeatAvailable(workspace.id, tx);
    if (!seats.ok) refuse(seats.message);
    const row = await insertInvitation(workspace.id, { email: input.email, role: input.role, tokenHash, invitedBy: actor.userId, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) }, tx);
    await insertAuditEntry(tx, workspace.id, {
      actorUserId: actor.userId,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: row.id,
      details: { email: row.email, role: row.role },
    });
    return row;
  });
  const link = invitationLink(origin, token);
  const mailed = await mailInvitation(workspace.id, workspace.name, actor, invitation, link);
  return { id: invitation.id, email: invitation.email, role: invitation.role, link, mailed };
}

/** A new token and a fresh 7 days; the old link stops working. Null when no such pending invitation. */
export async function resendInvitation(workspace: { id: string; name: string }, actor: TeamActor, invitationId: string, origin: string): Promise<SentInvitation | null> {
  const { token, tokenHash } = newInvitationToken();
  const invitation = await db.transaction(async (tx) => {
    const row = await lockPendingInvitation(workspace.id, invitationId, tx);
    if (!row) return null;
    assertMayInviteAs(actor, row.role);
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    await updateInvitation(workspace.id, row.id, { tokenHash, expiresAt }, tx);
    await insertAuditEntry(tx, workspace.id, { actorUserId: actor.userId, action: 'invitation.resent', targetType: 'invitation', targetId: row.id, details: { email: row.email, role: row.role } });
    return { ...row, tokenHash, expiresAt };
  });
  if (!invitation) return null;
  const link = invitationLink(origin, token);
  const mailed = await mailInvitation(workspace.id, workspace.name, actor, invitation, link);
  return { id: invitation.id, email: invitation.email, role: invitation.role, link, mailed };
}

/** True when a pending invitation was revoked. */
export async function revokeInvitation(workspaceId: string, actor: TeamActor, invitationId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await lockPendingInvitation(workspaceId, invitationId, tx);
    if (!row) return false;
    assertMayInviteAs(actor, row.role);
    await updateInvitation(workspaceId, row.id, { revokedAt: new Date() }, tx);
    await insertAuditEntry(tx, workspaceId, { actorUserId: actor.userId, action: 'invitation.revoked', targetType: 'invitation', targetId: row.id, details: { email: row.email, role: row.role } });
    return true;
  });
}
