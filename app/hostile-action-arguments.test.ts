/**
 * Anyone can call a server action with any arguments. Each one answers hostile arguments with its normal
 * error result — never a throw (a 500) — and writes nothing. The actions run for real against the database;
 * only the request (session, cookies) and the cache are faked.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { closeDb, sql } from '@/db';
import { insertUser, upsertMembership } from '@/db/queries/accounts';
import { createApiKey } from '@/lib/auth/api-keys';
import { createAvatar } from '@/lib/avatars/service';
import { createFunnel } from '@/lib/funnels/service';
import { createGoal } from '@/lib/goals/service';
import { createAlertRule } from '@/lib/alerts/service';
import { seedConversation } from '@/lib/transcripts/test-data';
import { createTestWorkspace, uniqueEmail } from '@/test/factories';

const session = vi.hoisted(() => ({ userId: null as string | null, cookiesSet: [] as string[] }));
vi.mock('next-auth', () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: (name: string) => session.cookiesSet.push(name) }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { signUpAction } = await import('./(auth)/sign-up/actions');
const { switchWorkspaceAction } = await import('./(dashboard)/actions');
const { createGoalAction, updateGoalAction, deleteGoalAction } = await import('./(dashboard)/goals/actions');
const alerts = await import('./(dashboard)/alerts/actions');
const { createFunnelAction, updateFunnelAction, deleteFunnelAction } = await import('./(dashboard)/goals/funnels/actions');
const { deleteConversationAction } = await import('./(dashboard)/transcripts/[id]/actions');
const { updateWorkspaceSettingsAction, deleteWorkspaceAction } = await import('./(dashboard)/settings/actions');
const { createFirstWorkspaceAction } = await import('./(auth)/onboarding/actions');
const { createApiKeyAction, revokeApiKeyAction } = await import('./(dashboard)/settings/api-keys/actions');
const { createAvatarAction, updateAvatarAction, deleteAvatarAction } = await import('./(dashboard)/settings/avatars/actions');
const team = await import('./(dashboard)/settings/team/actions');
const billing = await import('./(dashboard)/settings/billing/actions');
const { setDigestPreferenceAction } = await import('./(dashboard)/settings/notifications/actions');
const { acceptInvitationAction, signUpWithInvitationAction } = await import('./invite/[token]/actions');

afterAll(closeDb);

const long = 'x'.repeat(5000);
/** Values no argument should accept: wrong types, NUL, lone surrogates, 5,000 characters, absurd numbers. */
const junk: unknown[] = [
  undefined, null, true, 0, -1, NaN, Infinity, -Infinity, 1e308, 2 ** 53, 10n, '', ' ', long, '\u0000', 'a\u0000b', '\ud800', 'x\udfffy',
  {}, [], [null], { id: 'x' }, new Date(Number.NaN), new Map([['name', 'x']]), new Set(['a']), new FormData(),
];
const cyclic: Record<string, unknown> = { name: 'loop' };
cyclic.self = cyclic;
const deep = Array.from({ length: 40 }).reduce<unknown>((inner) => ({ name: inner }), 'x');
junk.push(cyclic, deep);
const hostileText = ['\u0000', 'name\u0000', '\ud800', 'a\udfffb', long, ' '];

function form(fields: Record<string, string | Blob | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}
/** Each field of `valid` replaced in turn by each hostile value (a FormData cannot hold a lone surrogate, so those are plain objects). */
function spoiled(valid: Record<string, unknown>): Record<string, unknown>[] {
  return Object.keys(valid).flatMap((key) => [...hostileText, -1, NaN, 1e308, null, {}, ['x']].map((bad) => ({ ...valid, [key]: bad })));
}
function spoiledForms(valid: Record<string, string>): unknown[] {
  const file = new File(['x'], 'x.txt');
  return [
    ...Object.keys(valid).flatMap((key) => ['\u0000', `${key}\u0000`, long].map((bad) => form({ ...valid, [key]: bad }))),
    ...Object.keys(valid).map((key) => form({ ...valid, [key]: file })),
    ...spoiled(valid),
  ];
}

let ws: string;
let other: string;
const ids = { goal: '', funnel: '', alert: '', avatar: 'kept-avatar', key: '', conversation: 'kept-conversation' };

async function snapshot() {
  const count = (table: string) => sql.unsafe(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1::uuid`, [ws]).then((r) => r[0].n as number);
  const tables = ['goals', 'goal_completions', 'funnels', 'avatars', 'api_keys', 'audit_log', 'conversations', 'messages', 'memberships', 'invitations', 'dev_mail', 'digest_preferences'];
  const counts = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])));
  const [workspace] = await sql`SELECT * FROM workspaces WHERE id = ${ws}::uuid`;
  const keys = await sql`SELECT id, name, scopes, revoked_at FROM api_keys WHERE workspace_id = ${ws}::uuid ORDER BY id`;
  const rows = await sql`
    SELECT (SELECT json_agg(g ORDER BY id) FROM goals g WHERE workspace_id = ${ws}::uuid) AS goals,
      (SELECT json_agg(f ORDER BY id) FROM funnels f WHERE workspace_id = ${ws}::uuid) AS funnels,
      (SELECT json_agg(a ORDER BY id) FROM avatars a WHERE workspace_id = ${ws}::uuid) AS avatars`;
  return { counts, workspace, keys, rows: rows[0] };
}

// `{}` is a real (empty) patch: it saves nothing new but is not an error.
const isEmptyPatch = (p: unknown) => typeof p === 'object' && p !== null && Object.getPrototypeOf(p) === Object.prototype && Object.keys(p).length === 0;

/** Every call resolves (no throw) to `{ ok: false }` with a message. */
async function expectRefused(label: string, calls: (() => Promise<unknown>)[]) {
  for (const [i, call] of calls.entries()) {
    const result = await call().catch((error: unknown) => ({ threw: String(error) }));
    expect(result, `${label} #${i}`).toMatchObject({ ok: false, message: expect.any(String) });
  }
}

beforeAll(async () => {
  ws = (await createTestWorkspace()).id;
  other = (await createTestWorkspace()).id;
  const user = await insertUser({ email: uniqueEmail(), name: 'Owner', passwordHash: 'x' });
  await upsertMembership(ws, user.id, 'owner');
  session.userId = user.id;
  const actor = { userId: user.id };
  await createAvatar(ws, { id: ids.avatar, name: 'Kept' }, actor);
  await seedConversation(ws, { id: ids.conversation, avatarId: ids.avatar, startedAt: '2024-02-01T10:00:00Z', messages: [['user', 'thanks', 1]] });
  ids.goal = (await createGoal(ws, { name: 'Kept goal', trigger: { type: 'pattern', pattern: 'thanks', role: 'user' } }, actor)).id;
  ids.funnel = (await createFunnel(ws, { name: 'Kept funnel', steps: [{ type: 'conversation_started' }, { type: 'user_messages', count: 1 }] }, actor)).id;
  ids.key = (await createApiKey(ws, { name: 'Kept key', scopes: ['read'] })).id;
  ids.alert = (await createAlertRule(ws, { name: 'Kept alert', metric: 'conversations', window: '24h', condition: { op: 'below', threshold: 50 } }, actor)).id;
});

test('hostile arguments get each action’s error result and write nothing', async () => {
  const before = await snapshot();
  const goal = { name: 'New goal', trigger: { type: 'pattern', pattern: 'thanks', role: 'user' } };
  const funnel = { name: 'New funnel', steps: [{ type: 'conversation_started' }, { type: 'user_messages', count: 2 }] };
  const goalPayloads = [...junk, ...spoiled(goal), { ...goal, trigger: { type: 'pattern', pattern: 'a\u0000', role: 'user' } }, { ...goal, avatarId: '\ud800' }, { ...goal, extra: 1 },
    { ...goal, trigger: { type: 'pattern', pattern: '(', role: 'user' } }, { ...goal, trigger: { type: 'phrases', phrases: ['ok', 'no\u0000'] } },
    { ...goal, trigger: { type: 'event', name: 'e', properties: { k: deep } } }, { ...goal, trigger: { type: 'no_escalation', pattern: 'x' } },
  ];
  const funnelPayloads = [
    ...junk, ...spoiled(funnel),
    ...[-1, 0, NaN, Infinity, 1.5, 1e308, '2'].map((count) => ({ ...funnel, steps: [{ type: 'conversation_started' }, { type: 'user_messages', count }] })),
    { ...funnel, steps: [{ type: 'conversation_started' }, { type: 'event', name: 'e', properties: { k: 'v\u0000' } }] },
    { ...funnel, steps: [{ type: 'conversation_started' }, { type: 'goal', goalId: '\ud800' }] },
    { ...funnel, steps: Array.from({ length: 5000 }, () => ({ type: 'conversation_started' })) },
  ];
  const settings = { name: 'Renamed', timezone: 'UTC', inactivityTimeoutMinutes: '30', escalationToolNames: 'handoff' };
  const settingsForms = [...junk, ...spoiledForms(settings), ...['-1', 'NaN', '1e400', '99999999999999999999', '1.5'].map((m) => form({ ...settings, inactivityTimeoutMinutes: m }))];
  const keyForms = [...junk, ...spoiledForms({ name: 'New key' }), form({ name: 'New key', scopes: ['root'] }), form({ name: 'New key\u0000', scopes: ['read'] }), form({ name: 'k', scopes: new File(['read'], 'f') as unknown as string })];
  const avatarForms = [...junk, ...spoiledForms({ id: 'new-avatar', name: 'New avatar', description: 'd' })];
  const patchForms = [...junk.filter((j) => !(j instanceof FormData)), ...spoiledForms({ name: 'Renamed', description: 'd' })];
  const badIds = junk.filter((j) => typeof j !== 'string' || j === '' || j.length > 200 || /[\u0000\ud800-\udfff]/.test(j));

  await expectRefused('createGoal', goalPayloads.map((p) => () => createGoalAction(p)));
  await expectRefused('updateGoal id', badIds.map((id) => () => updateGoalAction(id, { name: 'Renamed' })));
  await expectRefused('updateGoal patch', goalPayloads.filter((p) => !isEmptyPatch(p)).map((p) => () => updateGoalAction(ids.goal, p)));
  await expectRefused('deleteGoal', badIds.map((id) => () => deleteGoalAction(id)));
  const alertRule = { name: 'New alert', metric: 'escalation_rate', window: '24h', condition: { op: 'above', threshold: 0.1 } };
  const alertPayloads = [
    ...junk, ...spoiled(alertRule), { ...alertRule, name: 'a\u0000' }, { ...alertRule, metric: 'goal_completion_rate' }, { ...alertRule, window: '1y' },
    ...[NaN, Infinity, '0.1', 1e308].map((threshold) => ({ ...alertRule, condition: { op: 'above', threshold } })),
    { ...alertRule, channels: [{ type: 'slack', url: 'javascript:alert(1)' }] }, { ...alertRule, channels: [{ type: 'email', to: ['x\u0000@example.com'] }] },
    { ...alertRule, channels: Array.from({ length: 500 }, () => ({ type: 'webhook' })) }, { ...alertRule, avatarId: '\ud800' }, { ...alertRule, extra: 1 },
  ];
  await expectRefused('createAlert', alertPayloads.map((p) => () => alerts.createAlertAction(p)));
  await expectRefused('updateAlert id', badIds.map((id) => () => alerts.updateAlertAction(id, { name: 'Renamed' })));
  await expectRefused('updateAlert patch', alertPayloads.filter((p) => !isEmptyPatch(p)).map((p) => () => alerts.updateAlertAction(ids.alert, p)));
  await expectRefused('deleteAlert', badIds.map((id) => () => alerts.deleteAlertAction(id)));
  await expectRefused('snoozeAlert', [...junk.filter((j) => j !== null), '2001-01-01T00:00:00Z', 'tomorrow'].map((until) => () => alerts.snoozeAlertAction(ids.alert, until)));
  await expectRefused('checkAlertNow', badIds.map((id) => () => alerts.checkAlertNowAction(id)));
  await expectRefused('previewAlert', [...junk, ...spoiled({ rule: alertRule }), { rule: alertRule, period: '10y' }].map((p) => () => alerts.previewAlertAction(p)));
  await expectRefused('createFunnel', funnelPayloads.map((p) => () => createFunnelAction(p)));
  await expectRefused('updateFunnel id', badIds.map((id) => () => updateFunnelAction(id, funnel)));
  await expectRefused('updateFunnel body', funnelPayloads.map((p) => () => updateFunnelAction(ids.funnel, p)));
  await expectRefused('deleteFunnel', badIds.map((id) => () => deleteFunnelAction(id)));
  await expectRefused('deleteConversation', badIds.map((id) => () => deleteConversationAction(id)));
  await expectRefused('settings', settingsForms.map((f) => () => updateWorkspaceSettingsAction(f)));
  await expectRefused('createApiKey', keyForms.map((f) => () => createApiKeyAction(f)));
  await expectRefused('revokeApiKey', [...badIds, 'not-a-uuid', randomUUID(), `${ids.key} `].map((id) => () => revokeApiKeyAction(id)));
  await expectRefused('createAvatar', avatarForms.map((f) => () => createAvatarAction(f)));
  await expectRefused('updateAvatar id', badIds.map((id) => () => updateAvatarAction(id, form({ name: 'Renamed' }))));
  await expectRefused('updateAvatar form', patchForms.map((f) => () => updateAvatarAction(ids.avatar, f)));
  await expectRefused('deleteAvatar', badIds.map((id) => () => deleteAvatarAction(id)));
  const [{ slug }] = await sql<{ slug: string }[]>`SELECT slug FROM workspaces WHERE id = ${ws}::uuid`;
  await expectRefused('deleteWorkspace', [...junk, ...spoiledForms({ confirmSlug: slug }), form({ confirmSlug: `${slug}x` }), { confirmSlug: slug }].map((f) => () => deleteWorkspaceAction(f as FormData)));
  await expectRefused('createFirstWorkspace', [...junk, ...spoiledForms({ workspace: 'New team' }), form({ workspace: 'x' })].map((f) => () => createFirstWorkspaceAction(null, f as FormData)));
  const badTokens = [...badIds, 'A'.repeat(43), `${'A'.repeat(42)}\u0000`, 'A'.repeat(44)];
  await expectRefused('inviteMember', [...junk, ...spoiledForms({ email: 'new@example.com', role: 'viewer' }), form({ email: 'new@example.com', role: 'root' })].map((f) => () => team.inviteMemberAction(f)));
  await expectRefused('resendInvitation', [...badIds, 'not-a-uuid', randomUUID()].map((id) => () => team.resendInvitationAction(id)));
  await expectRefused('revokeInvitation', [...badIds, 'not-a-uuid', randomUUID()].map((id) => () => team.revokeInvitationAction(id)));
  await expectRefused('changeMemberRole id', [...badIds, randomUUID()].map((id) => () => team.changeMemberRoleAction(id, 'viewer')));
  await expectRefused('changeMemberRole role', [...junk, 'root', 'Owner', 'viewer\u0000'].map((role) => () => team.changeMemberRoleAction(session.userId, role)));
  await expectRefused('removeMember', [...badIds, randomUUID()].map((id) => () => team.removeMemberAction(id)));
  await expectRefused('transferOwnership', [...badIds, randomUUID()].map((id) => () => team.transferOwnershipAction(id)));
  await expectRefused('acceptInvitation', badTokens.map((token) => () => acceptInvitationAction(token)));
  await expectRefused('signUpWithInvitation token', badTokens.map((token) => () => signUpWithInvitationAction(token, form({ password: 'correct horse battery' }))));
  await expectRefused('signUpWithInvitation form', [...junk, ...spoiledForms({ name: 'Ann', password: 'correct horse battery' })].map((f) => () => signUpWithInvitationAction('A'.repeat(43), f)));
  await expectRefused('startCheckout', [...junk, 'free', 'enterprise', 'Pro', 'pro\u0000'].map((plan) => () => billing.startCheckoutAction(plan)));
  await expectRefused('setDigestPreference', [...junk.filter((j) => typeof j !== 'boolean'), 'true', 'on', 'false', 1, [true], { enabled: true }].map((v) => () => setDigestPreferenceAction(v)));
  await expectRefused('switchWorkspace', [...badIds, 'not-a-uuid', other, randomUUID()].map((id) => () => switchWorkspaceAction(id)));

  expect(session.cookiesSet).toEqual([]);
  expect(await snapshot()).toEqual(before);
});

test('sign-up refuses hostile forms without creating an account', async () => {
  const email = uniqueEmail();
  const valid = { name: 'Ann', email, workspace: 'Ann’s team', password: 'correct horse battery' };
  for (const [i, f] of [...junk, ...spoiledForms(valid)].entries()) {
    const result = await signUpAction(null, f).catch((error: unknown) => ({ threw: String(error) }));
    expect(result, `sign-up #${i}`).toMatchObject({ ok: false, message: expect.any(String) });
  }
  expect(await sql`SELECT id FROM users WHERE email = ${email}`).toEqual([]);
});

test('the same actions still work for good arguments (the faked session is real enough)', async () => {
  expect(await createGoalAction({ name: 'Fresh goal', trigger: { type: 'pattern', pattern: 'bye', role: 'user' } })).toMatchObject({ ok: true });
  expect(await updateAvatarAction(ids.avatar, form({ name: 'Renamed avatar' }))).toMatchObject({ ok: true });
  expect(await updateFunnelAction(ids.funnel, { name: 'Renamed funnel', steps: [{ type: 'conversation_started' }, { type: 'user_messages', count: 3 }] })).toMatchObject({ ok: true });
  expect(await createApiKeyAction(form({ name: 'Good key', scopes: ['read', 'ingest'] }))).toMatchObject({ ok: true, data: { name: 'Good key' } });
  expect(await revokeApiKeyAction(ids.key)).toMatchObject({ ok: true });
  expect(await updateWorkspaceSettingsAction(form({ name: 'Renamed team', timezone: 'Europe/Berlin', inactivityTimeoutMinutes: '45', escalationToolNames: 'handoff, human' }))).toMatchObject({ ok: true });
  expect(await deleteConversationAction(ids.conversation)).toMatchObject({ ok: true });
  expect(await switchWorkspaceAction(ws)).toMatchObject({ ok: true });
  expect(await setDigestPreferenceAction(false)).toMatchObject({ ok: true, data: { enabled: false } });
});
