/**
 * Every exported server action, called as every role (and as the owner of another workspace using this
 * workspace's ids): allowed from its minimum role up, refused below it, and a refused call writes nothing
 * in the workspace. Roles hold on the server, whatever the pages show.
 *
 * To add an action: import it below and append one row to MATRIX with its minimum role and a function
 * producing valid arguments (create whatever the call needs, e.g. the goal it deletes, inside that function:
 * each call gets a fresh workspace). `grep -rln "'use server'" app lib` lists the files; the last test
 * fails when an exported action has no row.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterAll, expect, onTestFinished, test, vi } from 'vitest';
import { closeDb, db, sql } from '@/db';
import { insertUser, upsertMembership } from '@/db/queries/accounts';
import { insertInvitation } from '@/db/queries/team';
import type { Role } from '@/db/schema';
import { createApiKey } from '@/lib/auth/api-keys';
import { roleAtLeast } from '@/lib/auth/roles';
import { createAvatar } from '@/lib/avatars/service';
import { createFunnel } from '@/lib/funnels/service';
import { createGoal } from '@/lib/goals/service';
import { createAlertRule } from '@/lib/alerts/service';
import { INVITATION_TTL_MS, newInvitationToken } from '@/lib/team/tokens';
import { seedConversation } from '@/lib/transcripts/test-data';
import { createTestWorkspace, uniqueEmail } from '@/test/factories';
import { insertOAuthAccount, insertPasswordReset } from '@/db/queries/account-security';
import { hashPassword } from '@/lib/auth/password';
import { hashResetToken, RESET_TOKEN_TTL_MS } from '@/lib/auth/password-reset';
import { createWebhook, sendTestEvent } from '@/lib/webhooks/service';
import { setUpFakeStripe } from '@/test/billing';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }), headers: async () => new Headers() }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: () => {} }));

const { signUpAction } = await import('./(auth)/sign-up/actions');
const { switchWorkspaceAction } = await import('./(dashboard)/actions');
const goals = await import('./(dashboard)/goals/actions');
const alerts = await import('./(dashboard)/alerts/actions');
const funnels = await import('./(dashboard)/goals/funnels/actions');
const transcripts = await import('./(dashboard)/transcripts/[id]/actions');
const settings = await import('./(dashboard)/settings/actions');
const apiKeys = await import('./(dashboard)/settings/api-keys/actions');
const avatars = await import('./(dashboard)/settings/avatars/actions');
const team = await import('./(dashboard)/settings/team/actions');
const invite = await import('./invite/[token]/actions');
const webhooks = await import('./(dashboard)/settings/webhooks/actions');
const billing = await import('./(dashboard)/settings/billing/actions');
const account = await import('./(dashboard)/settings/account/actions');
const notifications = await import('./(dashboard)/settings/notifications/actions');
const { createFirstWorkspaceAction } = await import('./(auth)/onboarding/actions');
const { requestPasswordResetAction } = await import('./(auth)/forgot-password/actions');
const { resetPasswordAction } = await import('./(auth)/reset-password/[token]/actions');

afterAll(closeDb);
// Billing actions talk to Stripe: a local Stripe-compatible server, billing on only for their rows.
const stripe = setUpFakeStripe({ scoped: true });

type Caller = 'viewer' | 'member' | 'admin' | 'owner' | 'outsider';
const CALLERS: Caller[] = ['viewer', 'member', 'admin', 'owner', 'outsider'];
type Fixture = { ws: string; users: Record<Caller, { id: string; email: string }> };

type Row = {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each row's action has its own signature
  action: (...args: any[]) => Promise<unknown>;
  /** 'signed-in': any signed-in user; 'anyone': visitors too (sign-up). */
  minRole: Role | 'signed-in' | 'anyone';
  /**
   * The owner of another workspace calling with this workspace's ids: 'refused' (the default, for
   * anything naming this workspace's rows), 'own-workspace' (the action only acts on the caller's current
   * workspace, e.g. creating a goal: it may succeed there, but writes nothing here) or 'allowed'.
   */
  outsider?: 'refused' | 'own-workspace' | 'allowed';
  args: (f: Fixture, caller: Caller) => Promise<unknown[]>;
  /** Runs with billing on (STRIPE_* set, the local Stripe server); the other rows run with billing off. */
  billing?: true;
};

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}
const actor = (f: Fixture) => ({ userId: f.users.owner.id });
const unique = () => Math.random().toString(36).slice(2, 10);
const goal = { name: 'Thanks', trigger: { type: 'pattern', pattern: 'thanks', role: 'user' } } as const;
const funnel = { name: 'Funnel', steps: [{ type: 'conversation_started' as const }, { type: 'user_messages' as const, count: 1 }] };
const newGoal = async (f: Fixture) => (await createGoal(f.ws, { ...goal, name: `Goal ${unique()}` }, actor(f))).id;
const alertRule = { name: 'Busy', metric: 'conversations', window: '1h', condition: { op: 'above', threshold: 100 } } as const;
const newAlert = async (f: Fixture) => (await createAlertRule(f.ws, { ...alertRule, name: `Alert ${unique()}` }, actor(f))).id;
const newFunnel = async (f: Fixture) => (await createFunnel(f.ws, { ...funnel, name: `Funnel ${unique()}` }, actor(f))).id;
const newAvatar = async (f: Fixture) => (await createAvatar(f.ws, { id: `avatar-${unique()}`, name: 'Avatar' }, actor(f))).id;
async function newConversation(f: Fixture) {
  const id = `conversation-${unique()}`;
  await seedConversation(f.ws, { id, avatarId: await newAvatar(f), startedAt: '2024-02-01T10:00:00Z', messages: [['user', 'thanks', 1]] });
  return id;
}
async function newMember(f: Fixture, role: Role) {
  const user = await insertUser({ email: uniqueEmail(), passwordHash: 'x' });
  await upsertMembership(f.ws, user!.id, role);
  return user!.id;
}
/** An invitation straight into the table (so it can name an e-mail that already belongs), with its token. */
async function newInvitation(f: Fixture, email = uniqueEmail(), role: Role = 'viewer') {
  const { token, tokenHash } = newInvitationToken();
  const row = await db.transaction((tx) => insertInvitation(f.ws, { email, role, tokenHash, invitedBy: f.users.owner.id, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) }, tx));
  return { id: row.id, token };
}
const newWebhook = async (f: Fixture) => (await createWebhook(f.ws, { url: 'https://hooks.example.com/matrix', events: ['message.created'] }, actor(f))).id;
const webhookForm = () => form({ url: 'https://hooks.example.com/confab', events: ['message.created', 'conversation.ended'], description: 'Pipeline', enabled: 'on' });
const OLD_PASSWORD = 'correct horse battery';
async function givePassword(userId: string) {
  await sql`UPDATE users SET password_hash = ${await hashPassword(OLD_PASSWORD)} WHERE id = ${userId}::uuid`;
}
async function newResetToken(userId: string) {
  const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  await insertPasswordReset({ tokenHash: hashResetToken(token), userId, expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) });
  return token;
}
const slugOf = async (f: Fixture) => (await sql<{ slug: string }[]>`SELECT slug FROM workspaces WHERE id = ${f.ws}::uuid`)[0].slug;
const signUpForm = () => form({ name: 'New', email: uniqueEmail(), workspace: 'New team', password: 'correct horse battery' });

const MATRIX: Row[] = [
  { name: 'signUpAction', action: signUpAction, minRole: 'anyone', args: async () => [null, signUpForm()] },
  { name: 'switchWorkspaceAction', action: switchWorkspaceAction, minRole: 'signed-in', args: async (f) => [f.ws] },
  { name: 'createAlertAction', action: alerts.createAlertAction, minRole: 'member', outsider: 'own-workspace', args: async () => [{ ...alertRule, name: `Alert ${unique()}` }] },
  { name: 'updateAlertAction', action: alerts.updateAlertAction, minRole: 'member', args: async (f) => [await newAlert(f), { name: 'Renamed' }] },
  { name: 'deleteAlertAction', action: alerts.deleteAlertAction, minRole: 'member', args: async (f) => [await newAlert(f)] },
  { name: 'snoozeAlertAction', action: alerts.snoozeAlertAction, minRole: 'member', args: async (f) => [await newAlert(f), new Date(Date.now() + 3_600_000).toISOString()] },
  { name: 'checkAlertNowAction', action: alerts.checkAlertNowAction, minRole: 'member', args: async (f) => [await newAlert(f)] },
  { name: 'previewAlertAction', action: alerts.previewAlertAction, minRole: 'viewer', outsider: 'own-workspace', args: async () => [{ rule: alertRule, period: '1d' }] },
  { name: 'createGoalAction', action: goals.createGoalAction, minRole: 'member', outsider: 'own-workspace', args: async () => [{ ...goal, name: `Goal ${unique()}` }] },
  { name: 'updateGoalAction', action: goals.updateGoalAction, minRole: 'member', args: async (f) => [await newGoal(f), { name: 'Renamed' }] },
  { name: 'deleteGoalAction', action: goals.deleteGoalAction, minRole: 'member', args: async (f) => [await newGoal(f)] },
  { name: 'createFunnelAction', action: funnels.createFunnelAction, minRole: 'member', outsider: 'own-workspace', args: async () => [{ ...funnel, name: `Funnel ${unique()}` }] },
  { name: 'updateFunnelAction', action: funnels.updateFunnelAction, minRole: 'member', args: async (f) => [await newFunnel(f), { ...funnel, name: 'Renamed' }] },
  { name: 'deleteFunnelAction', action: funnels.deleteFunnelAction, minRole: 'member', args: async (f) => [await newFunnel(f)] },
  { name: 'deleteConversationAction', action: transcripts.deleteConversationAction, minRole: 'admin', args: async (f) => [await newConversation(f)] },
  {
    name: 'updateWorkspaceSettingsAction',
    action: settings.updateWorkspaceSettingsAction,
    minRole: 'admin',
    outsider: 'own-workspace',
    args: async () => [form({ name: 'Renamed', timezone: 'Europe/Berlin', inactivityTimeoutMinutes: '45', escalationToolNames: 'handoff' })],
  },
  { name: 'createApiKeyAction', action: apiKeys.createApiKeyAction, minRole: 'admin', outsider: 'own-workspace', args: async () => [form({ name: 'Key', scopes: ['read'] })] },
  { name: 'revokeApiKeyAction', action: apiKeys.revokeApiKeyAction, minRole: 'admin', args: async (f) => [(await createApiKey(f.ws, { name: 'Key', scopes: ['read'] })).id] },
  { name: 'createAvatarAction', action: avatars.createAvatarAction, minRole: 'admin', outsider: 'own-workspace', args: async () => [form({ id: `avatar-${unique()}`, name: 'Bot' })] },
  { name: 'updateAvatarAction', action: avatars.updateAvatarAction, minRole: 'admin', args: async (f) => [await newAvatar(f), form({ name: 'Renamed' })] },
  { name: 'deleteAvatarAction', action: avatars.deleteAvatarAction, minRole: 'admin', args: async (f) => [await newAvatar(f)] },
  { name: 'inviteMemberAction', action: team.inviteMemberAction, minRole: 'admin', outsider: 'own-workspace', args: async () => [form({ email: uniqueEmail(), role: 'viewer' })] },
  { name: 'resendInvitationAction', action: team.resendInvitationAction, minRole: 'admin', args: async (f) => [(await newInvitation(f)).id] },
  { name: 'revokeInvitationAction', action: team.revokeInvitationAction, minRole: 'admin', args: async (f) => [(await newInvitation(f)).id] },
  { name: 'changeMemberRoleAction', action: team.changeMemberRoleAction, minRole: 'admin', args: async (f) => [await newMember(f, 'viewer'), 'member'] },
  { name: 'removeMemberAction', action: team.removeMemberAction, minRole: 'admin', args: async (f) => [await newMember(f, 'viewer')] },
  // A second owner, so that the owner is not the last one and may leave too.
  { name: 'leaveWorkspaceAction', action: team.leaveWorkspaceAction, minRole: 'viewer', outsider: 'own-workspace', args: async (f) => (await newMember(f, 'owner'), []) },
  { name: 'transferOwnershipAction', action: team.transferOwnershipAction, minRole: 'owner', args: async (f) => [await newMember(f, 'member')] },
  // Invited by e-mail: whoever holds the invited address joins, members of this workspace included (a no-op for them).
  { name: 'acceptInvitationAction', action: invite.acceptInvitationAction, minRole: 'signed-in', outsider: 'allowed', args: async (f, caller) => [(await newInvitation(f, f.users[caller].email)).token] },
  { name: 'createWebhookAction', action: webhooks.createWebhookAction, minRole: 'admin', outsider: 'own-workspace', args: async () => [webhookForm()] },
  { name: 'updateWebhookAction', action: webhooks.updateWebhookAction, minRole: 'admin', args: async (f) => [await newWebhook(f), webhookForm()] },
  { name: 'setWebhookEnabledAction', action: webhooks.setWebhookEnabledAction, minRole: 'admin', args: async (f) => [await newWebhook(f), false] },
  { name: 'deleteWebhookAction', action: webhooks.deleteWebhookAction, minRole: 'admin', args: async (f) => [await newWebhook(f)] },
  { name: 'rotateWebhookSecretAction', action: webhooks.rotateWebhookSecretAction, minRole: 'admin', args: async (f) => [await newWebhook(f)] },
  { name: 'sendTestEventAction', action: webhooks.sendTestEventAction, minRole: 'admin', args: async (f) => [await newWebhook(f), 'webhook.test'] },
  {
    name: 'redeliverAction',
    action: webhooks.redeliverAction,
    minRole: 'admin',
    args: async (f) => {
      const id = await newWebhook(f);
      return [id, (await sendTestEvent(f.ws, id, {}))!.deliveryId];
    },
  },
  { name: 'startCheckoutAction', action: billing.startCheckoutAction, minRole: 'owner', outsider: 'own-workspace', billing: true, args: async () => ['pro'] },
  { name: 'openBillingPortalAction', action: billing.openBillingPortalAction, minRole: 'owner', outsider: 'own-workspace', billing: true, args: async () => [] },
  { name: 'recoverFailedAction', action: webhooks.recoverFailedAction, minRole: 'admin', args: async (f) => [await newWebhook(f), new Date(Date.now() - 3600_000).toISOString()] },
  { name: 'deleteWorkspaceAction', action: settings.deleteWorkspaceAction, minRole: 'owner', args: async (f) => [form({ confirmSlug: await slugOf(f) })] },
  // The account's own actions act on the caller's user, never on a workspace's rows.
  {
    name: 'changePasswordAction',
    action: account.changePasswordAction,
    minRole: 'viewer',
    outsider: 'own-workspace',
    args: async (f, caller) => (await givePassword(f.users[caller].id), [null, form({ currentPassword: OLD_PASSWORD, newPassword: 'a new horse battery staple' })]),
  },
  { name: 'signOutEverywhereAction', action: account.signOutEverywhereAction, minRole: 'viewer', outsider: 'own-workspace', args: async () => [] },
  { name: 'sendPasswordLinkAction', action: account.sendPasswordLinkAction, minRole: 'viewer', outsider: 'own-workspace', args: async () => [] },
  {
    name: 'disconnectOAuthAction',
    action: account.disconnectOAuthAction,
    minRole: 'viewer',
    outsider: 'own-workspace',
    args: async (f, caller) => {
      await insertOAuthAccount({ provider: 'github', providerAccountId: `gh-${unique()}`, userId: f.users[caller].id, email: f.users[caller].email });
      return ['github'];
    },
  },
  // A member's own digest choice, in the caller's current workspace.
  { name: 'setDigestPreferenceAction', action: notifications.setDigestPreferenceAction, minRole: 'viewer', outsider: 'own-workspace', args: async () => [true] },
  { name: 'createFirstWorkspaceAction', action: createFirstWorkspaceAction, minRole: 'signed-in', outsider: 'allowed', args: async () => [null, form({ workspace: 'First team' })] },
  { name: 'requestPasswordResetAction', action: requestPasswordResetAction, minRole: 'anyone', args: async (f) => [null, form({ email: f.users.viewer.email })] },
  { name: 'resetPasswordAction', action: resetPasswordAction, minRole: 'anyone', args: async (f) => [null, form({ token: await newResetToken(f.users.viewer.id), password: 'a new horse battery staple' })] },
  {
    name: 'signUpWithInvitationAction',
    action: invite.signUpWithInvitationAction,
    minRole: 'anyone',
    args: async (f) => [(await newInvitation(f)).token, form({ name: 'New', password: 'correct horse battery' })],
  },
];

function expected(row: Row, caller: Caller): 'allowed' | 'refused' | 'own-workspace' {
  if (row.minRole === 'anyone') return 'allowed';
  if (caller === 'outsider') return row.outsider ?? 'refused';
  return row.minRole === 'signed-in' || roleAtLeast(caller, row.minRole) ? 'allowed' : 'refused';
}

async function freshFixture(): Promise<Fixture> {
  const ws = (await createTestWorkspace('Matrix')).id;
  const other = (await createTestWorkspace('Elsewhere')).id;
  const users = {} as Fixture['users'];
  for (const caller of CALLERS) {
    const email = uniqueEmail();
    const user = await insertUser({ email, passwordHash: 'x' });
    await upsertMembership(caller === 'outsider' ? other : ws, user!.id, caller === 'outsider' ? 'owner' : caller);
    users[caller] = { id: user!.id, email };
  }
  return { ws, users };
}

let tenantTables: string[] | undefined;
/** Every row of every table that carries workspace_id, plus the workspace row: whatever an action could write. */
async function snapshot(ws: string) {
  tenantTables ??= (
    await sql`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'workspace_id' ORDER BY table_name`
  ).map((r) => r.table_name as string);
  const tables: Record<string, unknown> = {};
  for (const table of tenantTables) {
    const [row] = await sql.unsafe(`SELECT json_agg(t ORDER BY t::text) AS rows FROM "${table}" t WHERE workspace_id = $1::uuid`, [ws]);
    tables[table] = row.rows;
  }
  const [workspace] = await sql`SELECT * FROM workspaces WHERE id = ${ws}::uuid`;
  return { workspace, tables };
}

for (const row of MATRIX) {
  test(`${row.name}: ${row.minRole === 'anyone' ? 'anyone' : `${row.minRole} and up`}`, async () => {
    if (row.billing) stripe.on();
    onTestFinished(stripe.off);
    for (const caller of CALLERS) {
      const f = await freshFixture();
      const args = await row.args(f, caller);
      const before = await snapshot(f.ws);
      session.userId = f.users[caller].id;
      const result = await row.action(...args).catch((error: unknown) => ({ threw: String(error) }));
      session.userId = null;
      const want = expected(row, caller);
      if (want === 'allowed') expect(result, `${row.name} as ${caller}`).toMatchObject({ ok: true });
      else {
        if (want === 'refused') expect(result, `${row.name} as ${caller}`).toMatchObject({ ok: false, message: expect.any(String) });
        expect(await snapshot(f.ws), `${row.name} as ${caller} wrote to the workspace`).toEqual(before);
      }
    }
  });
}

test('every exported server action has a row', () => {
  const files = execFileSync('grep', ['-rl', '--include=*.ts', '--include=*.tsx', "^'use server'", 'app', 'lib'], { encoding: 'utf8' }).trim().split('\n');
  const exported = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^export (?:const|async function) (\w+)/gm)].map((m) => m[1]));
  expect(exported.length).toBeGreaterThan(20);
  expect(exported.filter((name) => !MATRIX.some((row) => row.name === name)).sort()).toEqual([]);
});
