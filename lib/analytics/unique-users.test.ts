import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { countUniqueUsers } from '@/db/queries/analytics-conversations';
import { expectAnalyticsRollupsConsistent } from '@/test/analytics-rollup-invariants';
import { createTestWorkspace } from '@/test/factories';
import { planRange } from './plan';
import { localDate, startOfLocalDay } from './timezone';

afterAll(closeDb);

const HOUR = 3_600_000;
const FROM = Date.parse('2024-10-25T00:00:00Z'); // spans the New York DST change of 2024-11-03

/** A small deterministic generator, so a failure names ranges that can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

/** Conversations of 40 customers (some without one) on 3 avatars over 14 days, inserted as rows (the triggers keep the chains). */
async function seedWorkspace(timezone: string, seed: number) {
  const ws = await createTestWorkspace();
  await sql`UPDATE workspaces SET timezone = ${timezone} WHERE id = ${ws.id}`;
  const r = random(seed);
  const rows = Array.from({ length: 600 }, (_, i) => {
    const at = new Date(FROM + Math.floor(r() * 14 * 24 * HOUR));
    return { id: `c${i}`, avatar: `avt_${Math.floor(r() * 3)}`, customer: r() < 0.1 ? null : `u${Math.floor(r() ** 2 * 40)}`, at };
  });
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    await sql`
      INSERT INTO conversations (workspace_id, id, avatar_id, customer_id, started_at, last_activity_at)
      SELECT ${ws.id}::uuid, x.id, x.avatar, x.customer, x.at, x.at
      FROM json_to_recordset(${JSON.stringify(chunk)}::text::json) AS x(id text, avatar text, customer text, at timestamptz)`;
  }
  return ws.id;
}

async function rawCount(workspaceId: string, start: Date, end: Date, avatarId: string | null): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    SELECT count(DISTINCT customer_id)::int AS n FROM conversations
    WHERE workspace_id = ${workspaceId} AND started_at >= ${start} AND started_at < ${end} ${avatarId ? sql`AND avatar_id = ${avatarId}` : sql``}`;
  return row.n;
}

/** Random ranges from an hour to 12 days, half of them starting on a local midnight of the zone. */
function randomRanges(timezone: string, seed: number, count: number) {
  const r = random(seed);
  return Array.from({ length: count }, () => {
    const startHour = Math.floor(r() * 13 * 24);
    let start = new Date(FROM + startHour * HOUR + (r() < 0.3 ? Math.floor(r() * 59) * 60_000 : 0));
    if (r() < 0.5) start = startOfLocalDay(localDate(start, timezone), timezone);
    const end = new Date(start.getTime() + Math.max(1, Math.floor(r() ** 2 * 12 * 24)) * HOUR);
    return { start, end, avatarId: r() < 0.3 ? `avt_${Math.floor(r() * 3)}` : null };
  });
}

test.each([
  ['America/New_York', 1],
  ['Asia/Kolkata', 2],
  ['UTC', 3],
])('unique users from the rollups equal a raw count over random ranges (%s)', async (timezone, seed) => {
  const ws = await seedWorkspace(timezone, seed);
  await expectAnalyticsRollupsConsistent(ws);
  for (const range of randomRanges(timezone, seed * 7, 60)) {
    const plan = planRange({ start: range.start, end: range.end, timezone });
    const want = await rawCount(ws, plan.hourStart, plan.hourEnd, range.avatarId);
    const label = `${range.start.toISOString()} → ${range.end.toISOString()} ${range.avatarId ?? 'all'}`;
    expect(await countUniqueUsers(ws, plan, range.avatarId), label).toBe(want);
    // A plan made in another timezone than the workspace's (alerts plan in UTC) counts the same customers.
    expect(await countUniqueUsers(ws, planRange({ start: range.start, end: range.end, timezone: 'UTC' }), range.avatarId), `${label} (UTC plan)`).toBe(want);
  }
});

test('moving and deleting conversations keeps the customer links exact', async () => {
  const ws = await seedWorkspace('America/New_York', 9);
  await sql`UPDATE conversations SET started_at = started_at - interval '30 hours' WHERE workspace_id = ${ws} AND id IN ('c1', 'c5', 'c9', 'c40')`;
  await sql`UPDATE conversations SET customer_id = 'u1' WHERE workspace_id = ${ws} AND id IN ('c2', 'c3')`;
  await sql`DELETE FROM conversations WHERE workspace_id = ${ws} AND id IN ('c4', 'c6', 'c7', 'c8')`;
  await expectAnalyticsRollupsConsistent(ws);
  for (const range of randomRanges('America/New_York', 11, 30)) {
    const plan = planRange({ start: range.start, end: range.end, timezone: 'America/New_York' });
    expect(await countUniqueUsers(ws, plan, range.avatarId)).toBe(await rawCount(ws, plan.hourStart, plan.hourEnd, range.avatarId));
  }
});
