import { randomUUID } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { findMembership, findUserByEmail, listWorkspacesForUser } from '@/db/queries/accounts';
import { expectRefused, failInserts } from '@/test/failing-trigger';
import { uniqueEmail } from '@/test/factories';
import { checkCredentials, EmailTakenError, ensureUserInWorkspace, signUp, slugify } from './accounts';

afterAll(closeDb);

test('sign-up creates a user who owns a new workspace', async () => {
  const email = uniqueEmail();
  const { user, workspace } = await signUp({ email, password: 'correct-horse-9', workspace: 'Acme Support' });
  expect(user.email).toBe(email);
  expect(workspace.slug).toMatch(/^acme-support/);
  expect(workspace.timezone).toBe('UTC');
  expect(workspace.inactivityTimeoutMinutes).toBe(30);
  expect(workspace.escalationToolNames).toEqual(['fallback_to_human', 'open_ticket', 'ticket', 'contact_human']);
  expect(await findMembership(workspace.id, user.id)).toEqual({ role: 'owner' });
});

test('a taken email is refused, whatever its case', async () => {
  const email = uniqueEmail();
  await signUp({ email, password: 'correct-horse-9', workspace: 'One' });
  await expect(signUp({ email: email.toUpperCase(), password: 'correct-horse-9', workspace: 'Two' })).rejects.toBeInstanceOf(EmailTakenError);
});

test('weak passwords and bad emails are rejected with field messages', async () => {
  await expect(signUp({ email: uniqueEmail(), password: 'short', workspace: 'W' })).rejects.toThrow(/at least 10/);
  await expect(signUp({ email: 'not-an-email', password: 'correct-horse-9', workspace: 'Workspace' })).rejects.toThrow(/valid email/);
  await expect(signUp({ email: uniqueEmail(), password: 'onlyletterslong', workspace: 'Workspace' })).rejects.toThrow(/numbers or symbols/);
});

test('credentials check accepts the right password only', async () => {
  const email = uniqueEmail();
  await signUp({ email, password: 'correct-horse-9', workspace: 'Creds' });
  expect((await checkCredentials(email, 'correct-horse-9'))?.email).toBe(email);
  expect(await checkCredentials(email, 'wrong-horse-9')).toBeNull();
  expect(await checkCredentials(uniqueEmail(), 'correct-horse-9')).toBeNull();
});

test('ensureUserInWorkspace is idempotent and can join several workspaces', async () => {
  const email = uniqueEmail();
  const slugA = `a-${Date.now()}`;
  const first = await ensureUserInWorkspace({ email, password: 'first-pass-1', slug: slugA });
  const again = await ensureUserInWorkspace({ email, password: 'first-pass-1', slug: slugA });
  expect(first.created).toBe(true);
  expect(again.created).toBe(false);
  expect(again.workspace.id).toBe(first.workspace.id);
  await ensureUserInWorkspace({ email, password: 'second-pass-2', slug: `b-${Date.now()}`, resetPassword: true });
  expect(await listWorkspacesForUser(first.user.id)).toHaveLength(2);
  expect(await checkCredentials(email, 'second-pass-2')).not.toBeNull();
});

test('slugify keeps slugs URL-safe', () => {
  expect(slugify('Café Ümlaut & Co.')).toBe('cafe-umlaut-co');
  expect(slugify('!!!')).toBe('workspace');
});

test('sign-up is one transaction: a failure after the user is written leaves no user, workspace or membership', async () => {
  const email = uniqueEmail();
  const name = `Broken ${randomUUID()}`;
  const restore = await failInserts('workspaces', `NEW.name = '${name}'`);
  try {
    await expectRefused(signUp({ email, password: 'correct-horse-9', workspace: name }));
  } finally {
    await restore();
  }
  expect(await findUserByEmail(email)).toBeNull();
  expect(await sql`SELECT 1 FROM workspaces WHERE name = ${name}`).toHaveLength(0);
  // The e-mail is free again: the failed attempt left nothing behind.
  const { user, workspace } = await signUp({ email, password: 'correct-horse-9', workspace: 'Second try' });
  expect(await findMembership(workspace.id, user.id)).toEqual({ role: 'owner' });
});

test('a sign-up with a taken e-mail writes no workspace', async () => {
  const email = uniqueEmail();
  await signUp({ email, password: 'correct-horse-9', workspace: 'First' });
  const name = `Orphan ${randomUUID()}`;
  await expect(signUp({ email, password: 'correct-horse-9', workspace: name })).rejects.toBeInstanceOf(EmailTakenError);
  expect(await sql`SELECT 1 FROM workspaces WHERE name = ${name}`).toHaveLength(0);
});
