import { afterAll, beforeEach, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { insertUser, upsertMembership } from '@/db/queries/accounts';
import { createTestWorkspace, uniqueEmail } from '@/test/factories';
import { acceptInvitation, signUpWithInvitation, viewInvitation } from './accept';
import { TeamRuleError } from './errors';
import { createInvitation, resendInvitation, revokeInvitation, type TeamActor } from './invitations';
import { hashInvitationToken } from './tokens';

afterAll(closeDb);

const ORIGIN = 'http://confab.test';
let workspace: { id: string; name: string };
let owner: TeamActor;
let admin: TeamActor;

const tokenOf = (link: string) => link.slice(`${ORIGIN}/invite/`.length);
const roleOf = async (userId: string) => (await sql`SELECT role FROM memberships WHERE workspace_id = ${workspace.id}::uuid AND user_id = ${userId}::uuid`)[0]?.role ?? null;
const auditActions = async () => (await sql`SELECT action FROM audit_log WHERE workspace_id = ${workspace.id}::uuid ORDER BY id`).map((r) => r.action as string);
const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: unknown) => (error instanceof TeamRuleError ? error.message : `threw ${String(error)}`));

async function member(role: TeamActor['role']): Promise<TeamActor> {
  const email = uniqueEmail();
  const user = await insertUser({ email, passwordHash: 'x' });
  await upsertMembership(workspace.id, user!.id, role);
  return { userId: user!.id, email, role };
}

beforeEach(async () => {
  workspace = await createTestWorkspace('Acme');
  owner = await member('owner');
  admin = await member('admin');
});

test('an invitation stores only the hash of a 32-byte token, e-mails the link and is audited', async () => {
  const email = uniqueEmail();
  const sent = await createInvitation(workspace, admin, { email, role: 'viewer' }, ORIGIN);
  const token = tokenOf(sent.link);
  expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  const [row] = await sql`SELECT * FROM invitations WHERE workspace_id = ${workspace.id}::uuid`;
  expect(row).toMatchObject({ email, role: 'viewer', token_hash: hashInvitationToken(token), invited_by: admin.userId, accepted_at: null, revoked_at: null });
  expect(JSON.stringify(row)).not.toContain(token);
  const days = (new Date(row.expires_at).getTime() - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.99);
  expect(days).toBeLessThanOrEqual(7);

  const mail = await sql`SELECT "to", subject, text, html FROM dev_mail WHERE workspace_id = ${workspace.id}::uuid`;
  expect(mail).toHaveLength(1);
  expect(mail[0].to).toBe(email);
  expect(mail[0].text).toContain(sent.link);
  expect(mail[0].html).toContain(sent.link);
  expect(sent.mailed).toBe(true);
  expect(await auditActions()).toEqual(['invitation.created']);
});

test('a new user signs up from the link straight into the workspace, with the invited e-mail; the link then is used', async () => {
  const email = uniqueEmail();
  const { link } = await createInvitation(workspace, admin, { email, role: 'viewer' }, ORIGIN);
  expect(await viewInvitation(tokenOf(link))).toMatchObject({ state: 'valid', email, role: 'viewer', workspaceName: 'Acme' });

  const joined = await signUpWithInvitation(tokenOf(link), { name: 'Vee', password: 'correct horse 9' });
  expect(joined).toMatchObject({ workspaceId: workspace.id, email, joined: true });
  const [user] = await sql`SELECT id, name FROM users WHERE email = ${email}`;
  expect(user.name).toBe('Vee');
  expect(await roleOf(user.id)).toBe('viewer');
  expect(await auditActions()).toEqual(['invitation.created', 'invitation.accepted']);

  expect(await viewInvitation(tokenOf(link))).toEqual({ state: 'used', workspaceName: 'Acme' });
  expect(await refusal(signUpWithInvitation(tokenOf(link), { name: '', password: 'correct horse 9' }))).toBe('This invitation has already been used.');
  expect(await refusal(acceptInvitation(tokenOf(link), user.id))).toBe('This invitation has already been used.');
});

test('an existing user with the invited e-mail accepts; a different signed-in user is told to switch accounts', async () => {
  const existing = await insertUser({ email: uniqueEmail(), passwordHash: 'x' });
  const stranger = await insertUser({ email: uniqueEmail(), passwordHash: 'x' });
  const { link } = await createInvitation(workspace, owner, { email: existing!.email, role: 'admin' }, ORIGIN);

  expect(await refusal(acceptInvitation(tokenOf(link), stranger!.id))).toBe(`This invitation is for ${existing!.email}. Switch to that account to accept it.`);
  expect(await roleOf(stranger!.id)).toBeNull();
  expect(await viewInvitation(tokenOf(link))).toMatchObject({ state: 'valid' });

  // Signing up with the e-mail of an existing account is refused: that user signs in instead.
  expect(await refusal(signUpWithInvitation(tokenOf(link), { name: '', password: 'correct horse 9' }))).toContain('already exists. Sign in');

  expect(await acceptInvitation(tokenOf(link), existing!.id)).toMatchObject({ workspaceId: workspace.id, joined: true });
  expect(await roleOf(existing!.id)).toBe('admin');
  expect(await refusal(acceptInvitation(tokenOf(link), existing!.id))).toBe('This invitation has already been used.');
});

test('expired, revoked and unknown links are refused, each with its own answer', async () => {
  const late = await createInvitation(workspace, admin, { email: uniqueEmail(), role: 'member' }, ORIGIN);
  await sql`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE workspace_id = ${workspace.id}::uuid AND id = ${late.id}::uuid`;
  expect(await viewInvitation(tokenOf(late.link))).toEqual({ state: 'expired', workspaceName: 'Acme' });
  expect(await refusal(signUpWithInvitation(tokenOf(late.link), { name: '', password: 'correct horse 9' }))).toBe('This invitation has expired. Ask for a new one.');

  const revoked = await createInvitation(workspace, admin, { email: uniqueEmail(), role: 'member' }, ORIGIN);
  expect(await revokeInvitation(workspace.id, admin, revoked.id)).toBe(true);
  expect(await revokeInvitation(workspace.id, admin, revoked.id)).toBe(false);
  expect(await viewInvitation(tokenOf(revoked.link))).toEqual({ state: 'revoked', workspaceName: 'Acme' });
  expect(await refusal(signUpWithInvitation(tokenOf(revoked.link), { name: '', password: 'correct horse 9' }))).toBe('This invitation was revoked.');

  expect(await viewInvitation('A'.repeat(43))).toEqual({ state: 'unknown' });
  expect(await sql`SELECT count(*)::int AS n FROM memberships WHERE workspace_id = ${workspace.id}::uuid`).toEqual([{ n: 2 }]);
  expect(await auditActions()).toEqual(['invitation.created', 'invitation.created', 'invitation.revoked']);
});

test('resend makes a new token and the old link stops working', async () => {
  const email = uniqueEmail();
  const first = await createInvitation(workspace, admin, { email, role: 'member' }, ORIGIN);
  const second = await resendInvitation(workspace, admin, first.id, ORIGIN);
  expect(second?.link).not.toBe(first.link);
  expect(await viewInvitation(tokenOf(first.link))).toEqual({ state: 'unknown' });
  expect(await viewInvitation(tokenOf(second!.link))).toMatchObject({ state: 'valid', email });
  expect(await sql`SELECT count(*)::int AS n FROM dev_mail WHERE workspace_id = ${workspace.id}::uuid`).toEqual([{ n: 2 }]);
  expect(await auditActions()).toEqual(['invitation.created', 'invitation.resent']);
});

test('only owners invite owners; members, doubles and pending duplicates are refused', async () => {
  expect(await refusal(createInvitation(workspace, admin, { email: uniqueEmail(), role: 'owner' }, ORIGIN))).toBe('Only owners invite owners.');
  const viewer = await member('viewer');
  expect(await refusal(createInvitation(workspace, { ...viewer }, { email: uniqueEmail(), role: 'viewer' }, ORIGIN))).toBe('Only admins and owners invite people.');
  expect(await refusal(createInvitation(workspace, admin, { email: viewer.email, role: 'member' }, ORIGIN))).toBe(`${viewer.email} is already a member.`);
  const email = uniqueEmail();
  const ownerInvite = await createInvitation(workspace, owner, { email, role: 'owner' }, ORIGIN);
  expect(await refusal(createInvitation(workspace, owner, { email, role: 'viewer' }, ORIGIN))).toContain('already has a pending invitation');
  // An admin cannot resend or revoke an owner's invitation either.
  expect(await refusal(resendInvitation(workspace, admin, ownerInvite.id, ORIGIN))).toBe('Only owners invite owners.');
  expect(await refusal(revokeInvitation(workspace.id, admin, ownerInvite.id))).toBe('Only owners invite owners.');
  expect(await sql`SELECT count(*)::int AS n FROM invitations WHERE workspace_id = ${workspace.id}::uuid`).toEqual([{ n: 1 }]);
});

test('an invitation of one workspace cannot be revoked or resent through another', async () => {
  const sent = await createInvitation(workspace, admin, { email: uniqueEmail(), role: 'member' }, ORIGIN);
  const other = await createTestWorkspace('Other');
  expect(await revokeInvitation(other.id, { ...admin, role: 'owner' }, sent.id)).toBe(false);
  expect(await resendInvitation(other, { ...admin, role: 'owner' }, sent.id, ORIGIN)).toBeNull();
  expect(await viewInvitation(tokenOf(sent.link))).toMatchObject({ state: 'valid' });
});
