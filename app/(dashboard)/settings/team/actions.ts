'use server';

import { revalidatePath } from 'next/cache';
import { actionUuid, formValue, storable } from '@/lib/auth/action-input';
import { invalidFields, withSession, type ActionResult, type SessionContext } from '@/lib/auth/session';
import { requestOrigin } from '@/lib/http/origin';
import { TeamRuleError } from '@/lib/team/errors';
import { createInvitation, resendInvitation, revokeInvitation, type SentInvitation, type TeamActor } from '@/lib/team/invitations';
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from '@/lib/team/members';
import { inviteSchema, roleSchema } from '@/lib/team/schemas';

const actorOf = (context: SessionContext): TeamActor => ({ userId: context.user.id, email: context.user.email, role: context.role });
const done = (change: Promise<unknown>) => change.then(() => undefined);
const NO_MEMBER: ActionResult<never> = { ok: false, message: 'That person is not a member of this workspace.' };
const NO_INVITATION: ActionResult<never> = { ok: false, message: 'That invitation is no longer pending.' };

/** Runs a team change; a rule it breaks becomes the action's error message. */
async function run<T>(change: () => Promise<T>, revalidate = '/settings/team'): Promise<ActionResult<T>> {
  try {
    const data = await change();
    revalidatePath(revalidate, 'layout');
    return { ok: true, data };
  } catch (error) {
    if (error instanceof TeamRuleError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Answers with the accept link, shown once to the inviter (for installs that send no e-mail). */
export const inviteMemberAction = withSession('admin', async (context, form: unknown): Promise<ActionResult<SentInvitation>> => {
  const parsed = storable(inviteSchema).safeParse({ email: formValue(form, 'email'), role: formValue(form, 'role') });
  if (!parsed.success) return invalidFields(parsed.error.issues);
  const origin = await requestOrigin();
  return run(() => createInvitation(context.workspace, actorOf(context), parsed.data, origin));
});

export const resendInvitationAction = withSession('admin', async (context, id: unknown): Promise<ActionResult<SentInvitation>> => {
  const invitationId = actionUuid.safeParse(id);
  if (!invitationId.success) return NO_INVITATION;
  const origin = await requestOrigin();
  const result = await run(() => resendInvitation(context.workspace, actorOf(context), invitationId.data, origin));
  return result.ok && !result.data ? NO_INVITATION : (result as ActionResult<SentInvitation>);
});

export const revokeInvitationAction = withSession('admin', async (context, id: unknown): Promise<ActionResult> => {
  const invitationId = actionUuid.safeParse(id);
  if (!invitationId.success) return NO_INVITATION;
  const result = await run(() => revokeInvitation(context.workspace.id, actorOf(context), invitationId.data));
  return result.ok && !result.data ? NO_INVITATION : result.ok ? { ok: true, data: undefined } : result;
});

export const changeMemberRoleAction = withSession('admin', async (context, userId: unknown, role: unknown): Promise<ActionResult> => {
  const id = actionUuid.safeParse(userId);
  if (!id.success) return NO_MEMBER;
  const parsed = roleSchema.safeParse(role);
  if (!parsed.success) return invalidFields(parsed.error.issues.map((issue) => ({ ...issue, path: ['role'] })));
  return run(() => done(changeMemberRole(context.workspace.id, actorOf(context), id.data, parsed.data)), '/');
});

export const removeMemberAction = withSession('admin', async (context, userId: unknown): Promise<ActionResult> => {
  const id = actionUuid.safeParse(userId);
  if (!id.success) return NO_MEMBER;
  return run(() => done(removeMember(context.workspace.id, actorOf(context), id.data)), '/');
});

/** Any member leaves the current workspace (not its last owner). */
export const leaveWorkspaceAction = withSession('viewer', async (context): Promise<ActionResult> => {
  return run(() => done(leaveWorkspace(context.workspace.id, actorOf(context))), '/');
});

export const transferOwnershipAction = withSession('owner', async (context, userId: unknown): Promise<ActionResult> => {
  const id = actionUuid.safeParse(userId);
  if (!id.success) return NO_MEMBER;
  return run(() => done(transferOwnership(context.workspace.id, actorOf(context), id.data)), '/');
});
