/**
 * Membership changes under the team rules: admins act on members at or below their own level, only owners
 * make or unmake owners, and a workspace always keeps an owner. Each change locks the workspace's team
 * (so two owners cannot demote each other at once) and commits with its audit entry.
 */
import { db, type DbExecutor } from '@/db';
import { insertAuditEntry } from '@/db/queries/audit';
import { countOwners, deleteMembership, findMember, lockWorkspaceTeam, updateMemberRole } from '@/db/queries/team';
import type { Role } from '@/db/schema';
import { roleAtLeast } from '@/lib/auth/roles';
import { refuse } from './errors';
import type { TeamActor } from './invitations';

const LAST_OWNER = 'A workspace needs an owner. Make someone else an owner first (or transfer ownership).';

/** The target as it is now, in the locked team; refuses what the actor may not touch. */
async function lockTarget(tx: DbExecutor, workspaceId: string, actor: TeamActor, userId: string) {
  await lockWorkspaceTeam(workspaceId, tx);
  // The actor's role as it is now, not as the session read it before the lock.
  const me = await findMember(workspaceId, actor.userId, tx);
  const target = await findMember(workspaceId, userId, tx);
  if (!target) return refuse('That person is not a member of this workspace.');
  if (!me || !roleAtLeast(me.role, 'admin')) refuse('Only admins and owners manage the team.');
  if (!roleAtLeast(me!.role, target.role)) refuse(`Only owners change or remove ${target.role}s.`);
  return { target, actorRole: me!.role };
}

async function assertNotLastOwner(tx: DbExecutor, workspaceId: string, role: Role) {
  if (role === 'owner' && (await countOwners(workspaceId, tx)) <= 1) refuse(LAST_OWNER);
}

export async function changeMemberRole(workspaceId: string, actor: TeamActor, userId: string, role: Role) {
  await db.transaction(async (tx) => {
    const { target, actorRole } = await lockTarget(tx, workspaceId, actor, userId);
    if (!roleAtLeast(actorRole, role)) refuse('Only owners make owners.');
    if (target.role === role) return;
    await assertNotLastOwner(tx, workspaceId, target.role);
    await updateMemberRole(workspaceId, userId, role, tx);
    await insertAuditEntry(tx, workspaceId, { actorUserId: actor.userId, action: 'member.role_changed', targetType: 'user', targetId: userId, details: { email: target.email, from: target.role, to: role } });
  });
}

export async function removeMember(workspaceId: string, actor: TeamActor, userId: string) {
  if (userId === actor.userId) return leaveWorkspace(workspaceId, actor);
  await db.transaction(async (tx) => {
    const { target } = await lockTarget(tx, workspaceId, actor, userId);
    await assertNotLastOwner(tx, workspaceId, target.role);
    await deleteMembership(workspaceId, userId, tx);
    await insertAuditEntry(tx, workspaceId, { actorUserId: actor.userId, action: 'member.removed', targetType: 'user', targetId: userId, details: { email: target.email, role: target.role } });
  });
}

/** Any member may leave, except the last owner. */
export async function leaveWorkspace(workspaceId: string, actor: TeamActor) {
  await db.transaction(async (tx) => {
    await lockWorkspaceTeam(workspaceId, tx);
    const me = await findMember(workspaceId, actor.userId, tx);
    if (!me) return refuse('You are not a member of this workspace.');
    await assertNotLastOwner(tx, workspaceId, me.role);
    await deleteMembership(workspaceId, actor.userId, tx);
    await insertAuditEntry(tx, workspaceId, { actorUserId: actor.userId, action: 'member.left', targetType: 'user', targetId: actor.userId, details: { email: me.email, role: me.role } });
  });
}

/** An owner hands ownership to another member and becomes an admin. */
export async function transferOwnership(workspaceId: string, actor: TeamActor, userId: string) {
  if (userId === actor.userId) refuse('You already own this workspace.');
  await db.transaction(async (tx) => {
    await lockWorkspaceTeam(workspaceId, tx);
    const me = await findMember(workspaceId, actor.userId, tx);
    if (me?.role !== 'owner') refuse('Only owners transfer ownership.');
    const target = await findMember(workspaceId, userId, tx);
    if (!target) return refuse('That person is not a member of this workspace.');
    await updateMemberRole(workspaceId, userId, 'owner', tx);
    await updateMemberRole(workspaceId, actor.userId, 'admin', tx);
    await insertAuditEntry(tx, workspaceId, {
      actorUserId: actor.userId,
      action: 'ownership.transferred',
      targetType: 'user',
      targetId: userId,
      details: { from: me!.email, to: target.email, previousRole: target.role },
    });
  });
}
