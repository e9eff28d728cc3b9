import { afterAll, beforeEach, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { insertUser, upsertMembership } from '@/db/queries/accounts';
import type { Role } from '@/db/schema';
import { createTestWorkspace, uniqueEmail } from '@/test/factories';
import { TeamRuleError } from './errors';
import type { TeamActor } from './invitations';
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from './members';

afterAll(closeDb);

let ws: string;
const roleOf = async (userId: string) => (await sql`SELECT role FROM memberships WHERE workspace_id = ${ws}::uuid AND user_id = ${userId}::uuid`)[0]?.role ?? null;
const audit = async () => (await sql`SELECT action, actor_user_id, target_id, details FROM audit_log WHERE workspace_id = ${ws}::uuid ORDER BY id`).map((r) => ({ ...r }));
const refusal = (promise: Promise<unknown>) => promise.then(() => 'done', (error: unknown) => (error instanceof TeamRuleError ? error.message : `threw ${String(error)}`));

async function member(role: Role): Promise<TeamActor> {
  const email = uniqueEmail();
  const user = await insertUser({ email, passwordHash: 'x' });
  await upsertMembership(ws, user!.id, role);
  return { userId: user!.id, email, role };
}

beforeEach(async () => {
  ws = (await createTestWorkspace()).id;
});

test('the last owner can be neither removed, demoted, nor leave', async () => {
  const owner = await member('owner');
  const LAST = 'A workspace needs an owner. Make someone else an owner first (or transfer ownership).';
  expect(await refusal(leaveWorkspace(ws, owner))).toBe(LAST);
  expect(await refusal(changeMemberRole(ws, owner, owner.userId, 'admin'))).toBe(LAST);
  expect(await refusal(removeMember(ws, owner, owner.userId))).toBe(LAST);
  expect(await roleOf(owner.userId)).toBe('owner');
  expect(await audit()).toEqual([]);

  // With a second owner, either may step down, but not both.
  const second = await member('owner');
  await changeMemberRole(ws, owner, owner.userId, 'admin');
  expect(await refusal(changeMemberRole(ws, second, second.userId, 'member'))).toBe(LAST);
  expect(await roleOf(second.userId)).toBe('owner');
});

test('two owners demoting each other at once leave one owner', async () => {
  const a = await member('owner');
  const b = await member('owner');
  const results = await Promise.all([refusal(changeMemberRole(ws, a, b.userId, 'admin')), refusal(changeMemberRole(ws, b, a.userId, 'admin'))]);
  expect(results.filter((r) => r === 'done')).toHaveLength(1);
  expect(await sql`SELECT count(*)::int AS n FROM memberships WHERE workspace_id = ${ws}::uuid AND role = 'owner'`).toEqual([{ n: 1 }]);
});

test('admins manage members at or below their level; only owners make or unmake owners', async () => {
  const owner = await member('owner');
  const admin = await member('admin');
  const otherAdmin = await member('admin');
  const viewer = await member('viewer');

  expect(await refusal(changeMemberRole(ws, admin, owner.userId, 'admin'))).toBe('Only owners change or remove owners.');
  expect(await refusal(removeMember(ws, admin, owner.userId))).toBe('Only owners change or remove owners.');
  expect(await refusal(changeMemberRole(ws, admin, viewer.userId, 'owner'))).toBe('Only owners make owners.');
  expect(await refusal(transferOwnership(ws, admin, viewer.userId))).toBe('Only owners transfer ownership.');
  const member_ = await member('member');
  expect(await refusal(changeMemberRole(ws, member_, viewer.userId, 'member'))).toBe('Only admins and owners manage the team.');
  expect(await refusal(removeMember(ws, member_, viewer.userId))).toBe('Only admins and owners manage the team.');

  await changeMemberRole(ws, admin, viewer.userId, 'admin');
  await changeMemberRole(ws, admin, otherAdmin.userId, 'member');
  await removeMember(ws, admin, otherAdmin.userId);
  expect(await roleOf(viewer.userId)).toBe('admin');
  expect(await roleOf(otherAdmin.userId)).toBeNull();
  expect(await roleOf(owner.userId)).toBe('owner');

  await changeMemberRole(ws, owner, viewer.userId, 'owner');
  await changeMemberRole(ws, owner, viewer.userId, 'viewer');
  expect((await audit()).map((a) => [a.action, a.details])).toEqual([
    ['member.role_changed', { email: viewer.email, from: 'viewer', to: 'admin' }],
    ['member.role_changed', { email: otherAdmin.email, from: 'admin', to: 'member' }],
    ['member.removed', { email: otherAdmin.email, role: 'member' }],
    ['member.role_changed', { email: viewer.email, from: 'admin', to: 'owner' }],
    ['member.role_changed', { email: viewer.email, from: 'owner', to: 'viewer' }],
  ]);
});

test('an admin whose role was lowered meanwhile is refused (the role is read inside the lock)', async () => {
  await member('owner');
  const admin = await member('admin');
  const viewer = await member('viewer');
  await sql`UPDATE memberships SET role = 'viewer' WHERE workspace_id = ${ws}::uuid AND user_id = ${admin.userId}::uuid`;
  expect(await refusal(removeMember(ws, admin, viewer.userId))).toBe('Only admins and owners manage the team.');
  expect(await roleOf(viewer.userId)).toBe('viewer');
});

test('ownership is transferred: the new owner owns, the old one becomes an admin', async () => {
  const owner = await member('owner');
  const viewer = await member('viewer');
  await transferOwnership(ws, owner, viewer.userId);
  expect(await roleOf(viewer.userId)).toBe('owner');
  expect(await roleOf(owner.userId)).toBe('admin');
  expect(await audit()).toEqual([
    { action: 'ownership.transferred', actor_user_id: owner.userId, target_id: viewer.userId, details: { from: owner.email, to: viewer.email, previousRole: 'viewer' } },
  ]);
  // The former owner is no longer one and cannot transfer again; the new one can leave only after handing on.
  expect(await refusal(transferOwnership(ws, owner, viewer.userId))).toBe('Only owners transfer ownership.');
  expect(await refusal(leaveWorkspace(ws, { ...viewer, role: 'owner' }))).toContain('A workspace needs an owner');
});

test('any member can leave, and it is audited', async () => {
  await member('owner');
  const viewer = await member('viewer');
  await leaveWorkspace(ws, viewer);
  expect(await roleOf(viewer.userId)).toBeNull();
  expect((await audit()).map((a) => a.action)).toEqual(['member.left']);
  expect(await refusal(leaveWorkspace(ws, viewer))).toBe('You are not a member of this workspace.');
});

test('a user of another workspace cannot be changed or removed through this one', async () => {
  const owner = await member('owner');
  const elsewhere = await createTestWorkspace();
  const outsider = await insertUser({ email: uniqueEmail(), passwordHash: 'x' });
  await upsertMembership(elsewhere.id, outsider!.id, 'viewer');
  expect(await refusal(removeMember(ws, owner, outsider!.id))).toBe('That person is not a member of this workspace.');
  expect(await refusal(changeMemberRole(ws, owner, outsider!.id, 'admin'))).toBe('That person is not a member of this workspace.');
  expect(await refusal(transferOwnership(ws, owner, outsider!.id))).toBe('That person is not a member of this workspace.');
  expect(await sql`SELECT role FROM memberships WHERE workspace_id = ${elsewhere.id}::uuid`).toEqual([{ role: 'viewer' }]);
});
