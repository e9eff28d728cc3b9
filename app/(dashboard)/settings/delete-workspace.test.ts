/** Settings › General's delete: owners only, by typing the slug; the owner is sent to another workspace or to create one. */
import { afterAll, expect, test, vi } from 'vitest';
import { closeDb, sql } from '@/db';
import { insertUser, insertWorkspace, listWorkspacesForUser, upsertMembership } from '@/db/queries/accounts';
import { createTestWorkspace, uniqueEmail } from '@/test/factories';

const request = vi.hoisted(() => ({ userId: null as string | null, workspaceCookie: undefined as string | undefined, set: [] as string[] }));
vi.mock('next-auth', () => ({ getServerSession: async () => (request.userId ? { user: { id: request.userId } } : null) }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: () => (request.workspaceCookie ? { value: request.workspaceCookie } : undefined),
    set: (_name: string, value: string) => request.set.push(value),
    delete: () => request.set.push('(deleted)'),
  }),
  headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.80' }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { deleteWorkspaceAction } = await import('./actions');
const { createFirstWorkspaceAction } = await import('@/app/(auth)/onboarding/actions');

afterAll(closeDb);

const confirm = (slug: unknown) => {
  const form = new FormData();
  if (typeof slug === 'string') form.set('confirmSlug', slug);
  return form;
};

async function member(workspaceId: string, role: 'owner' | 'admin') {
  const user = await insertUser({ email: uniqueEmail(), name: null, passwordHash: '' });
  await upsertMembership(workspaceId, user.id, role);
  return user;
}

test('only an owner who types the slug deletes the workspace; the others keep theirs', async () => {
  const ws = await createTestWorkspace();
  const owner = await member(ws.id, 'owner');
  const admin = await member(ws.id, 'admin');
  const elsewhere = await insertWorkspace({ name: 'Admin home', slug: `home-${ws.slug}` });
  await upsertMembership(elsewhere.id, admin.id, 'owner');

  request.userId = admin.id;
  request.workspaceCookie = ws.id;
  expect(await deleteWorkspaceAction(confirm(ws.slug))).toEqual({ ok: false, message: 'This needs the owner role or higher.' });

  request.userId = owner.id;
  for (const hostile of [confirm('nope'), confirm(`${ws.slug}\u0000`), confirm(''), null, 'text', { confirmSlug: ws.slug }, [ws.slug]]) {
    expect(await deleteWorkspaceAction(hostile as FormData)).toMatchObject({ ok: false });
  }
  expect(await sql`SELECT 1 FROM workspaces WHERE id = ${ws.id}::uuid`).toHaveLength(1);

  expect(await deleteWorkspaceAction(confirm(ws.slug))).toEqual({ ok: true, data: { redirectTo: '/onboarding' } });
  expect(await sql`SELECT 1 FROM workspaces WHERE id = ${ws.id}::uuid`).toHaveLength(0);
  expect(await listWorkspacesForUser(owner.id)).toEqual([]);
  expect((await listWorkspacesForUser(admin.id)).map((w) => w.id)).toEqual([elsewhere.id]);

  // The owner, now without a workspace, names a new one on the onboarding page.
  expect(await createFirstWorkspaceAction(null, confirm('x'))).toMatchObject({ ok: false });
  const form = new FormData();
  form.set('workspace', 'Fresh start');
  expect(await createFirstWorkspaceAction(null, form)).toMatchObject({ ok: true });
  const [fresh] = await listWorkspacesForUser(owner.id);
  expect(fresh).toMatchObject({ name: 'Fresh start', role: 'owner' });
});

test('an owner with another workspace is sent there', async () => {
  const ws = await createTestWorkspace();
  const other = await createTestWorkspace();
  const owner = await member(ws.id, 'owner');
  await upsertMembership(other.id, owner.id, 'member');
  request.userId = owner.id;
  request.workspaceCookie = ws.id;
  expect(await deleteWorkspaceAction(confirm(`  ${ws.slug} `))).toEqual({ ok: true, data: { redirectTo: '/overview' } });
  expect(request.set.at(-1)).toBe(other.id);
});
