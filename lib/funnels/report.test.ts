import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { listStepNames } from '@/db/queries/funnels';
import { createTestWorkspace } from '@/test/factories';
import { MARCH_RANGE, seedFunnelDataset } from '@/test/funnels-dataset';
import { getFunnelReport } from './report';
import type { FunnelInput, FunnelStep } from './schemas';
import { createFunnel, type Funnel } from './service';

afterAll(closeDb);

let workspaceId: string;
let goalId: string;

beforeAll(async () => {
  workspaceId = (await createTestWorkspace('Funnel report')).id;
  ({ goalId } = await seedFunnelDataset(workspaceId));
});

const make = (input: FunnelInput) => createFunnel(workspaceId, input, {});
const counts = async (funnel: Funnel, avatarId: string | null = null) =>
  (await getFunnelReport(workspaceId, funnel, { range: MARCH_RANGE, avatarId })).steps.map((s) => s.conversations);

// The five-step funnel of the dataset, conversation by conversation (March; c6 and c7 are outside it):
//   started        c1 c2 c3 c4 c5 c8                     6
//   2+ user msgs   c1 c2 c4 c5 c8      (c3 has one)      5
//   search_kb      c1 c2 c4 c8         (c5 has no tool)  4
//   checkout pro   c1 c4 c8            (c2's pro checkout is before its tool call; its later one is plan=basic)  3
//   lead goal      c1 c8               (c4's email is before its checkout)  2
const fullSteps = (goal: string): FunnelStep[] => [
  { type: 'conversation_started' },
  { type: 'user_messages', count: 2 },
  { type: 'tool', name: 'search_kb' },
  { type: 'event', name: 'checkout', properties: { plan: 'pro' } },
  { type: 'goal', goalId: goal, label: 'Lead' },
];

describe('the five-step funnel', () => {
  test('counts, conversion and drop-off for March, all avatars', async () => {
    const funnel = await make({ name: 'Full', steps: fullSteps(goalId) });
    const report = await getFunnelReport(workspaceId, funnel, { range: MARCH_RANGE, avatarId: null });
    expect(report.funnel).toEqual({ id: funnel.id, name: 'Full', avatarId: null, steps: funnel.steps });
    expect(report.steps).toEqual([
      { index: 0, type: 'conversation_started', label: 'Conversation started', conversations: 6, conversionFromPrevious: null, conversionFromStart: 1, dropOff: null },
      { index: 1, type: 'user_messages', label: '2+ user messages', conversations: 5, conversionFromPrevious: 5 / 6, conversionFromStart: 5 / 6, dropOff: 1 },
      { index: 2, type: 'tool', label: 'Tool search_kb', conversations: 4, conversionFromPrevious: 4 / 5, conversionFromStart: 4 / 6, dropOff: 1 },
      { index: 3, type: 'event', label: 'Event checkout (plan = "pro")', conversations: 3, conversionFromPrevious: 3 / 4, conversionFromStart: 3 / 6, dropOff: 1 },
      { index: 4, type: 'goal', label: 'Lead', conversations: 2, conversionFromPrevious: 2 / 3, conversionFromStart: 2 / 6, dropOff: 1 },
    ]);
  });

  test('the avatar filter and the funnel’s own avatar narrow the population', async () => {
    const funnel = await make({ name: 'Full', steps: fullSteps(goalId) });
    // avt_b: c3 (one user message) and c4 (email before checkout).
    expect(await counts(funnel, 'avt_b')).toEqual([2, 1, 1, 1, 0]);
    // avt_a: c1, c2, c5, c8.
    expect(await counts(funnel, 'avt_a')).toEqual([4, 4, 3, 2, 2]);
    const ownAvatar = await make({ name: 'A only', avatarId: 'avt_a', steps: fullSteps(goalId) });
    expect(await counts(ownAvatar)).toEqual([4, 4, 3, 2, 2]);
    const report = await getFunnelReport(workspaceId, ownAvatar, { range: MARCH_RANGE, avatarId: 'avt_b' });
    expect(report.steps.map((s) => [s.conversations, s.conversionFromPrevious, s.conversionFromStart])).toEqual(Array(5).fill([0, null, null]));
  });

  test('the range decides the population: February holds only c6, which reaches every step', async () => {
    const funnel = await make({ name: 'Full', steps: fullSteps(goalId) });
    const february = { start: new Date('2025-02-01T00:00:00Z'), end: new Date('2025-03-01T00:00:00Z'), timezone: 'UTC' };
    const report = await getFunnelReport(workspaceId, funnel, { range: february, avatarId: null });
    expect(report.steps.map((s) => s.conversations)).toEqual([1, 1, 1, 1, 1]);
    const all = { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2025-05-01T00:00:00Z'), timezone: 'UTC' };
    expect((await getFunnelReport(workspaceId, funnel, { range: all, avatarId: null })).steps.map((s) => s.conversations)).toEqual([8, 7, 6, 5, 4]);
  });
});

test('a funnel may start at an event; each step takes the earliest occurrence at or after the step before', async () => {
  // checkout (any plan): c1 at 35, c2 at 5, c4 at 60, c8 at 25. Then search_kb at or after it:
  // c1 (30) no; c2 (10) yes; c4 (20 no, 100 yes) yes; c8 (15) no.
  const funnel = await make({ name: 'Checkout then search', steps: [{ type: 'event', name: 'checkout' }, { type: 'tool', name: 'search_kb' }] });
  expect(await counts(funnel)).toEqual([4, 2]);
});

test('user_messages measures depth and keeps the step time', async () => {
  // search_kb: c1 c2 c3 c4 c8; 3+ user messages: c1 c4 c8; checkout after search_kb: all three — c8's third
  // user message (45) comes after its checkout (25), which still counts because the time stays at search_kb.
  const funnel = await make({ name: 'Depth', steps: [{ type: 'tool', name: 'search_kb' }, { type: 'user_messages', count: 3 }, { type: 'event', name: 'checkout' }] });
  expect(await counts(funnel)).toEqual([5, 3, 3]);
});

test('a goal step reads the goal’s completions; a deleted goal reaches nobody', async () => {
  const funnel = await make({ name: 'Goal first', steps: [{ type: 'goal', goalId }, { type: 'tool', name: 'search_kb' }] });
  // Emails: c1 (40), c4 (10), c8 (45). search_kb after: c1 (30) no; c4 (20) yes; c8 (15) no.
  expect(await counts(funnel)).toEqual([3, 1]);
  const gone: Funnel = { ...funnel, steps: [{ type: 'goal', goalId: 'goal_missing' }, { type: 'tool', name: 'search_kb' }] };
  const report = await getFunnelReport(workspaceId, gone, { range: MARCH_RANGE, avatarId: null });
  expect(report.steps.map((s) => [s.label, s.conversations])).toEqual([['Goal: goal_missing (deleted)', 0], ['Tool search_kb', 0]]);
});

test('another workspace’s data is never counted', async () => {
  const other = await createTestWorkspace('Funnel other');
  const funnel = await createFunnel(other.id, { name: 'Empty', steps: [{ type: 'conversation_started' }, { type: 'tool', name: 'search_kb' }] }, {});
  const report = await getFunnelReport(other.id, funnel, { range: MARCH_RANGE, avatarId: null });
  expect(report.steps.map((s) => [s.conversations, s.conversionFromPrevious])).toEqual([[0, null], [0, null]]);
});

test('the builder suggests the workspace’s tool and event names', async () => {
  expect(await listStepNames(workspaceId)).toEqual({ tools: ['search_kb'], events: ['checkout'] });
  expect(await listStepNames((await createTestWorkspace('Funnel names')).id)).toEqual({ tools: [], events: [] });
});
