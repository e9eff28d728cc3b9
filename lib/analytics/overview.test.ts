import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { createAnalyticsWorkspace, createOtherWorkspace, NOW, TIMEZONE } from '@/test/analytics-dataset';
import { OVERVIEW_7D, OVERVIEW_PREVIOUS_7D, SUPPORT_7D } from '@/test/analytics-expected';
import { expectAnalyticsRollupsConsistent } from '@/test/analytics-rollup-invariants';
import { expectClose } from '@/test/expect-close';
import { expectRollupsConsistent } from '@/test/rollup-invariants';
import { getOverview, getOverviewWithComparison } from './overview';
import { resolveRange } from './range';

afterAll(closeDb);

const filter = (params: { period?: string; start?: string; end?: string }, avatarId?: string) => ({
  range: resolveRange(params, TIMEZONE, NOW),
  avatarId,
});

test('the rollups that analytics reads agree with the raw rows after ingestion', async () => {
  const ws = await createAnalyticsWorkspace();
  await expectRollupsConsistent(ws.id);
  await expectAnalyticsRollupsConsistent(ws.id);
});

test('overview of the last 7 days and of the 7 days before', async () => {
  const ws = await createAnalyticsWorkspace();
  await createOtherWorkspace();
  const { current, previous, previousRange } = await getOverviewWithComparison(ws.id, filter({ period: '7d' }));
  expectClose(current, OVERVIEW_7D);
  expectClose(previous, OVERVIEW_PREVIOUS_7D);
  expect(previousRange).toEqual({ start: new Date('2024-10-23T04:00:00Z'), end: new Date('2024-10-30T04:00:00Z'), timezone: TIMEZONE });
});

test('overview of one avatar', async () => {
  const ws = await createAnalyticsWorkspace();
  expectClose(await getOverview(ws.id, filter({ period: '7d' }, 'avt_support')), SUPPORT_7D);
  const unknown = await getOverview(ws.id, filter({ period: '7d' }, 'nobody'));
  expect(unknown).toMatchObject({ conversations: 0, messages: 0, avgDuration: null, completionRate: null, uniqueUsers: 0, topAvatars: [] });
});

test('an hour period counts whole local days from the daily tier and the edge hours exactly', async () => {
  const ws = await createAnalyticsWorkspace();
  // [Sun Nov 3 16:00Z, Tue Nov 5 16:00Z): c3 and c5 (Mon, the only whole local day), c8 and c4 (Tue morning).
  // Users: u2 (c3 on Monday, again c8 on Tuesday) and u3 (c4).
  const o = await getOverview(ws.id, filter({ period: '48h' }));
  expectClose(
    { conversations: o.conversations, uniqueInteractions: o.uniqueInteractions, messages: o.messages, uniqueUsers: o.uniqueUsers, avgResponseTime: o.avgResponseTime },
    { conversations: 4, uniqueInteractions: 3, messages: 7, uniqueUsers: 2, avgResponseTime: 5500 },
  );
  // Hours only, no whole day: [Tue 06:00Z, 16:00Z) holds c8 (u2) and c4 (u3); c5's messages (05:31Z) fall before.
  const short = await getOverview(ws.id, filter({ period: '10h' }));
  expect(short).toMatchObject({ conversations: 2, uniqueInteractions: 1, messages: 0, uniqueUsers: 2 });
});

test('a longer hour period combines whole days (chains) with edge hours (conversations) without double counting', async () => {
  const ws = await createAnalyticsWorkspace();
  // [Sat Nov 2 16:00Z, Tue Nov 5 16:00Z): whole days Sun (c2: u1) and Mon (c3: u2, c5); edges: c8 (u2 again)
  // and c4 (u3) on Tuesday morning; nothing on Saturday after 12:00 EDT.
  const o = await getOverview(ws.id, filter({ period: '72h' }));
  expect(o).toMatchObject({ conversations: 5, uniqueInteractions: 4, uniqueUsers: 3 });
  expect((await getOverview(ws.id, filter({ period: '72h' }, 'avt_sales'))).uniqueUsers).toBe(2);
});

test('start/end read as local dates, end inclusive', async () => {
  const ws = await createAnalyticsWorkspace();
  // [Fri Nov 1 04:00Z, Tue Nov 5 05:00Z): c1 c2 c3 c5 (which starts Mon 23:50 after the late message);
  // messages: 4 + 4 + 3 + c5's "good" at 04:50Z; users u1, u2.
  const o = await getOverview(ws.id, filter({ start: '2024-11-01', end: '2024-11-04' }));
  expect(o).toMatchObject({ conversations: 4, uniqueInteractions: 4, messages: 12, userMessages: 6, uniqueUsers: 2, tokenUsage: 605 });
});

test('a late message moves its conversation to the day it now starts in', async () => {
  let before: Awaited<ReturnType<typeof getOverview>> | undefined;
  const ws = await createAnalyticsWorkspace(async (id) => {
    before = await getOverview(id, filter({ start: '2024-11-04', end: '2024-11-04' }));
  });
  const after = await getOverview(ws.id, filter({ start: '2024-11-04', end: '2024-11-04' }));
  expect(before).toMatchObject({ conversations: 1, messages: 3, avgResponseTime: 1000 });
  expect(after).toMatchObject({ conversations: 2, messages: 4, avgResponseTime: 1000 });
  // c5's first reply lost its response time to the late one: 10 s instead of 30 s.
  const tuesday = await getOverview(ws.id, filter({ start: '2024-11-05', end: '2024-11-05' }));
  expect(tuesday).toMatchObject({ conversations: 2, messages: 3, avgResponseTime: 10_000 });
});

test('another workspace sees none of it', async () => {
  await createAnalyticsWorkspace();
  const other = await createOtherWorkspace();
  const o = await getOverview(other.id, filter({ period: '7d' }));
  expectClose(
    { conversations: o.conversations, messages: o.messages, tokenUsage: o.tokenUsage, uniqueUsers: o.uniqueUsers, topAvatars: o.topAvatars },
    { conversations: 1, messages: 2, tokenUsage: 2000, uniqueUsers: 1, topAvatars: [{ id: 'avt_support', name: 'avt_support', conversations: 1 }] },
  );
});
