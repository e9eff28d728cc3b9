/**
 * Sending the digests: who gets one (owners and admins by default, members who opted in), at most once per
 * member and week however often or concurrently the sender runs, and what lands in the dev outbox. The
 * unsubscribe link is tested beside its route (app/unsubscribe/[token]/route.test.ts).
 */
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { insertUser, upsertMembership } from '@/db/queries/accounts';
import { upsertDigestPreference } from '@/db/queries/digest';
import type { Role } from '@/db/schema';
import { seedConversation } from '@/lib/transcripts/test-data';
import { createTestWorkspace, uniqueEmail } from '@/test/factories';
import { sendDueDigests } from './send';
import { unsubscribeToken } from './unsubscribe';

process.env.NEXTAUTH_SECRET ??= 'digest-test-secret';

afterAll(closeDb);

const TZ = 'America/New_York';
// Monday 13 Jan 2025, 09:00 EST; the week after is Monday 20 Jan.
const MONDAY = new Date('2025-01-13T14:00:00Z');
const NEXT_MONDAY = new Date('2025-01-20T14:00:00Z');
const ORIGIN = 'http://confab.test';

let ws: string;
const people = {} as Record<'owner' | 'admin' | 'member' | 'viewer' | 'optedInMember' | 'optedOutAdmin', { id: string; email: string }>;

async function addMember(role: Role) {
  const email = uniqueEmail();
  const user = await insertUser({ email, passwordHash: 'x' });
  await upsertMembership(ws, user!.id, role);
  return { id: user!.id, email };
}

const send = (at: Date) => sendDueDigests({ at, workspaceIds: [ws], origin: ORIGIN });
const outbox = () =>
  sql<{ to: string; subject: string; text: string; html: string; headers: Record<string, string> }[]>`
    SELECT "to", subject, text, html, headers FROM dev_mail WHERE workspace_id = ${ws} ORDER BY "to", created_at`;

beforeAll(async () => {
  ws = (await createTestWorkspace('Digest team')).id;
  await sql`UPDATE workspaces SET timezone = ${TZ} WHERE id = ${ws}`;
  people.owner = await addMember('owner');
  people.admin = await addMember('admin');
  people.member = await addMember('member');
  people.viewer = await addMember('viewer');
  people.optedInMember = await addMember('member');
  people.optedOutAdmin = await addMember('admin');
  await upsertDigestPreference(ws, people.optedInMember.id, true);
  await upsertDigestPreference(ws, people.optedOutAdmin.id, false);
  await seedConversation(ws, { id: 'week-1', startedAt: '2025-01-08T15:00:00Z', messages: [['user', 'hello', 0], ['assistant', 'hi', 2]], endAfter: 30 });
});

beforeEach(async () => {
  await sql`DELETE FROM dev_mail WHERE workspace_id = ${ws}`;
});

test('nothing is due before Monday 09:00 in the workspace timezone', async () => {
  expect(await send(new Date('2025-01-13T13:59:00Z'))).toMatchObject({ dueWorkspaces: 0, sent: 0 });
  expect(await outbox()).toEqual([]);
});

test('owners, admins and opted-in members get one digest each, with both parts and the unsubscribe headers; a rerun sends nothing', async () => {
  expect(await send(MONDAY)).toEqual({ dueWorkspaces: 1, sent: 3, failed: 0 });
  const mail = await outbox();
  expect(mail.map((m) => m.to).sort()).toEqual([people.owner.email, people.admin.email, people.optedInMember.email].sort());
  for (const m of mail) {
    const recipient = Object.values(people).find((p) => p.email === m.to)!;
    const url = `${ORIGIN}/unsubscribe/${unsubscribeToken(ws, recipient.id)}`;
    expect(m.subject).toBe('Digest team: your Confab week, 6 Jan 2025 – 12 Jan 2025');
    expect(m.headers).toEqual({ 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(m.text).toContain('- Conversations: 1 (new this week)');
    expect(m.text).toContain(`Unsubscribe: ${url}`);
    expect(m.html).toContain(`href="${url}"`);
    expect(m.html).toContain(`href="${ORIGIN}/transcripts/week-1"`);
  }
  // Later the same Monday, and the next hour: already sent.
  expect(await send(new Date(MONDAY.getTime() + 15 * 60_000))).toEqual({ dueWorkspaces: 1, sent: 0, failed: 0 });
  expect(await send(new Date(MONDAY.getTime() + 3600_000))).toMatchObject({ sent: 0 });
  expect(await outbox()).toHaveLength(3);
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM digest_sends WHERE workspace_id = ${ws} AND week_start = '2025-01-06'`;
  expect(n).toBe(3);
});

test('two concurrent runs send each digest once', async () => {
  const runs = await Promise.all([send(NEXT_MONDAY), send(NEXT_MONDAY), send(NEXT_MONDAY)]);
  expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
  const mail = await outbox();
  expect(mail).toHaveLength(3);
  expect(new Set(mail.map((m) => m.to)).size).toBe(3);
});
