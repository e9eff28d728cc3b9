/**
 * The digest's unsubscribe link, called as a signed-out visitor or a mail client would: GET only asks, POST
 * (the button, or one-click) unsubscribes, a tampered or foreign token is refused, and the next digest skips
 * whoever unsubscribed.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { insertUser, upsertMembership } from '@/db/queries/accounts';
import { findDigestPreference } from '@/db/queries/digest';
import type { Role } from '@/db/schema';
import { sendDueDigests } from '@/lib/digest/send';
import { unsubscribeToken, verifyUnsubscribeToken } from '@/lib/digest/unsubscribe';
import { createTestWorkspace, uniqueEmail } from '@/test/factories';

process.env.NEXTAUTH_SECRET ??= 'digest-test-secret';
const { GET, POST } = await import('./route');

afterAll(closeDb);

const ORIGIN = 'http://confab.test';
let ws: string;
const people = {} as Record<'owner' | 'admin', { id: string; email: string }>;

async function addMember(role: Role) {
  const email = uniqueEmail();
  const user = await insertUser({ email, passwordHash: 'x' });
  await upsertMembership(ws, user!.id, role);
  return { id: user!.id, email };
}

const send = (at: Date) => sendDueDigests({ at, workspaceIds: [ws], origin: ORIGIN });
const outbox = () => sql<{ to: string }[]>`SELECT "to" FROM dev_mail WHERE workspace_id = ${ws} ORDER BY "to"`;

beforeAll(async () => {
  ws = (await createTestWorkspace('Digest team')).id;
  people.owner = await addMember('owner');
  people.admin = await addMember('admin');
});

test('a tampered token is refused and changes nothing', async () => {
  const token = unsubscribeToken(ws, people.owner.id);
  const [w, u, mac] = token.split('.');
  const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
  const forged = [`${w}.${people.admin.id}.${mac}`, `${w}.${u}.${flipped}`, `${w}.${u}`, `${token}.x`, 'not-a-token', unsubscribeToken(ws, people.owner.id, 'another secret')];
  for (const bad of forged) {
    expect(verifyUnsubscribeToken(bad)).toBeNull();
    const response = await POST(new Request(`${ORIGIN}/unsubscribe/x`, { method: 'POST' }), { params: Promise.resolve({ token: bad }) });
    expect(response.status).toBe(404);
  }
  expect(await findDigestPreference(ws, people.owner.id)).toEqual({ enabled: true, explicit: false });
  expect(await findDigestPreference(ws, people.admin.id)).toEqual({ enabled: true, explicit: false });
});

test('the signed link, signed out: GET only asks, one-click POST unsubscribes, and the next digest skips them', async () => {
  const token = unsubscribeToken(ws, people.owner.id);
  const params = { params: Promise.resolve({ token }) };
  const confirm = await GET(new Request(`${ORIGIN}/unsubscribe/${token}`), params);
  expect(confirm.status).toBe(200);
  const page = await confirm.text();
  expect(page).toContain('Unsubscribe from the weekly digest?');
  expect(page).toContain(people.owner.email);
  expect(page).toContain('<form method="post">');
  expect(await findDigestPreference(ws, people.owner.id)).toEqual({ enabled: true, explicit: false });

  const oneClick = await POST(
    new Request(`${ORIGIN}/unsubscribe/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }),
    { params: Promise.resolve({ token }) },
  );
  expect(oneClick.status).toBe(200);
  expect(await oneClick.text()).toContain('You are unsubscribed');
  expect(await findDigestPreference(ws, people.owner.id)).toEqual({ enabled: false, explicit: true });

  // Monday 09:00 UTC: the next digest goes to the admin only.
  expect(await send(new Date('2025-01-27T09:00:00Z'))).toMatchObject({ sent: 1 });
  expect((await outbox()).map((m) => m.to)).toEqual([people.admin.email]);
});

test('a link of someone who left the workspace is not valid', async () => {
  const leaver = await addMember('admin');
  const token = unsubscribeToken(ws, leaver.id);
  await sql`DELETE FROM memberships WHERE workspace_id = ${ws} AND user_id = ${leaver.id}`;
  const response = await GET(new Request(`${ORIGIN}/unsubscribe/${token}`), { params: Promise.resolve({ token }) });
  expect(response.status).toBe(404);
});
