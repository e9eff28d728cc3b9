import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { resolveFilter } from '@/lib/analytics/filter';
import { getOverview } from '@/lib/analytics/overview';
import { deleteGoal } from '@/lib/goals/service';
import { expectClose } from '@/test/expect-close';
import { createGoalsWorkspace, DAYS, EXPECTED, RANGE, type GoalsDataset } from '@/test/goals-dataset';
import { getGoalAnalytics, getGoalsAnalytics, type GoalStats } from './analytics';

afterAll(closeDb);

let data: GoalsDataset;
beforeAll(async () => {
  data = await createGoalsWorkspace();
});

const filterOf = (params: Record<string, string> = {}) => resolveFilter(data.workspaceId, { ...RANGE, ...params });

function expectStats(actual: GoalStats, goal: { id: string; name: string; avatarId: string | null }, expected: (typeof EXPECTED)['lead']) {
  const { recent, ...figures } = expected;
  const { recentCompletions, ...rest } = actual;
  expectClose(rest, { id: goal.id, name: goal.name, avatarId: goal.avatarId, ...figures });
  expect(recentCompletions.map((r) => r.id)).toEqual(recent);
}

test('each goal’s completions, rate, daily trend and split by avatar, worked out by hand', async () => {
  const result = await getGoalsAnalytics(data.workspaceId, await filterOf());
  expect(result.groupBy).toBe('day');
  expect(result.timezone).toBe('Europe/Berlin');
  expect(result).toMatchObject({ conversations: 6, completedConversations: 5 });
  expect(result.completionRate).toBeCloseTo(EXPECTED.overviewCompletionRate, 9);
  expect(result.goals.map((g) => g.name)).toEqual(['Lead captured', 'Question answered', 'Escalation avoided', 'Demo booked']);
  const [lead, answered, avoided, demo] = result.goals;
  expectStats(lead, data.lead, EXPECTED.lead);
  expectStats(answered, data.answered, EXPECTED.answered);
  expectStats(avoided, data.avoided, EXPECTED.avoided);
  expectStats(demo, data.demo, EXPECTED.demo);
  expect(lead.recentCompletions[0]).toEqual({
    id: 'a5', avatarId: 'support-bot', avatarName: 'support-bot', completedAt: '2024-11-06T08:00:05.000Z', startedAt: '2024-11-06T08:00:00.000Z',
  });
});

test('the Overview’s completion rate counts conversations that completed any goal', async () => {
  const overview = await getOverview(data.workspaceId, await filterOf());
  expect(overview.conversations).toBe(6);
  expect(overview.completionRate).toBeCloseTo(EXPECTED.overviewCompletionRate, 9);
});

test('an avatar filter narrows completions and conversations; a goal of another avatar has none', async () => {
  const result = await getGoalsAnalytics(data.workspaceId, await filterOf({ avatarId: 'support-bot' }));
  const [lead, , , demo] = result.goals;
  expect(result).toMatchObject({ conversations: 4, completedConversations: 3, completionRate: 0.75 });
  expect(lead).toMatchObject({ completions: 2, conversations: 4, completionRate: 0.5 });
  expect(lead.trend.map((b) => [b.completions, b.conversations])).toEqual([[0, 0], [1, 2], [1, 2]]);
  expect(lead.byAvatar.map((a) => a.id)).toEqual(['support-bot']);
  expect(lead.recentCompletions.map((r) => r.id)).toEqual(['a5', 'a3']);
  expect(demo).toMatchObject({ completions: 0, conversations: 0, completionRate: null, byAvatar: [], recentCompletions: [] });
  const sales = await getGoalsAnalytics(data.workspaceId, await filterOf({ avatarId: 'sales-bot' }));
  expect(sales.goals[3]).toMatchObject({ completions: 1, conversations: 2, completionRate: 0.5 });
});

test('one local day, week buckets, and the recent list’s limit', async () => {
  const nov5 = await getGoalAnalytics(data.workspaceId, data.lead.id, await filterOf({ start: '2024-11-05', end: '2024-11-05' }));
  // a3 started at 23:30Z on Nov 4, which is 00:30 on Nov 5 in Berlin.
  expect(nov5).toMatchObject({ completions: 1, conversations: 2, completionRate: 0.5, trend: [{ date: DAYS[1], completions: 1, conversations: 2 }] });
  expect(nov5!.recentCompletions.map((r) => r.id)).toEqual(['a3']);
  const weeks = await getGoalAnalytics(data.workspaceId, data.lead.id, await filterOf(), { groupBy: 'week', limit: 1 });
  expect(weeks!.trend).toEqual([{ date: DAYS[0], completions: 3, conversations: 6, completionRate: 0.5 }]);
  expect(weeks!.recentCompletions.map((r) => r.id)).toEqual(['a5']);
  const hours = await getGoalAnalytics(data.workspaceId, data.lead.id, await filterOf({ start: '2024-11-05', end: '2024-11-05' }), { groupBy: 'hour' });
  expect(hours!.trend).toHaveLength(24);
  expect(hours!.trend.filter((b) => b.conversations > 0).map((b) => [b.date, b.completions, b.conversations])).toEqual([
    ['2024-11-05T00:00:00+01:00', 1, 1],
    ['2024-11-05T13:00:00+01:00', 0, 1],
  ]);
});

test('an unknown or foreign goal is null; a deleted goal’s completions leave every figure', async () => {
  const other = await createGoalsWorkspace();
  expect(await getGoalAnalytics(data.workspaceId, other.lead.id, await filterOf())).toBeNull();
  expect(await getGoalAnalytics(data.workspaceId, 'goal_nope', await filterOf())).toBeNull();
  await deleteGoal(other.workspaceId, other.avoided.id, { userId: null });
  await deleteGoal(other.workspaceId, other.demo.id, { userId: null });
  const filter = await resolveFilter(other.workspaceId, RANGE);
  expect((await getGoalsAnalytics(other.workspaceId, filter)).goals.map((g) => g.name)).toEqual(['Lead captured', 'Question answered']);
  // Lead: a1 a3 a5; answered: a2 a3 — a4 no longer completes anything.
  expect((await getOverview(other.workspaceId, filter)).completionRate).toBeCloseTo(4 / 6, 9);
});
