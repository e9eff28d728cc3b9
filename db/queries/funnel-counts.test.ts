import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { createTestWorkspace } from '@/test/factories';
import { MARCH_RANGE, seedFunnelDataset } from '@/test/funnels-dataset';
import { countFunnelSteps, keyRanges, type StepCondition } from './funnel-counts';

afterAll(closeDb);

test('the key ranges cover the signed 64-bit keys without gaps or overlaps', () => {
  expect(keyRanges(1)).toEqual([[null, null]]);
  expect(keyRanges(2)).toEqual([[null, '0'], ['0', null]]);
  const four = keyRanges(4);
  expect(four.map(([lo]) => lo)).toEqual([null, '-4611686018427387904', '0', '4611686018427387904']);
  four.slice(1).forEach(([lo], i) => expect(lo).toBe(four[i][1]));
});

let workspaceId: string;
let goalId: string;
beforeAll(async () => {
  workspaceId = (await createTestWorkspace('Funnel counts')).id;
  ({ goalId } = await seedFunnelDataset(workspaceId));
});

test('the stored keys are the conversation ids’ hashes, on every row a step reads', async () => {
  const [row] = await sql<{ bad: number; keys: number }[]>`
    SELECT (SELECT count(*) FROM conversations WHERE workspace_id = ${workspaceId}::uuid AND id_key IS DISTINCT FROM hashtextextended(id, 0))
      + (SELECT count(*) FROM actions WHERE workspace_id = ${workspaceId}::uuid AND conversation_key IS DISTINCT FROM hashtextextended(conversation_id, 0))
      + (SELECT count(*) FROM events WHERE workspace_id = ${workspaceId}::uuid AND conversation_key IS DISTINCT FROM hashtextextended(conversation_id, 0))
      + (SELECT count(*) FROM goal_completions WHERE workspace_id = ${workspaceId}::uuid AND conversation_key IS DISTINCT FROM hashtextextended(conversation_id, 0)) AS bad,
      (SELECT count(DISTINCT id_key >= 0) FROM conversations WHERE workspace_id = ${workspaceId}::uuid) AS keys`;
  expect(Number(row.bad)).toBe(0);
  // The dataset's conversations fall in both halves of the keys, so the next test splits them for real.
  expect(Number(row.keys)).toBe(2);
});

test('splitting the keys into any number of ranges gives the same counts', async () => {
  const funnels: StepCondition[][] = [
    [{ kind: 'start' }, { kind: 'depth', minUserMessages: 2 }, { kind: 'tool', name: 'search_kb' }, { kind: 'event', name: 'checkout', properties: { plan: 'pro' } }, { kind: 'goal', goalId }],
    [{ kind: 'event', name: 'checkout', properties: null }, { kind: 'tool', name: 'search_kb' }],
    [{ kind: 'tool', name: 'search_kb' }, { kind: 'depth', minUserMessages: 3 }, { kind: 'event', name: 'checkout', properties: null }, { kind: 'depth', minUserMessages: 4 }],
  ];
  const population = { start: MARCH_RANGE.start, end: MARCH_RANGE.end, avatarIds: [] };
  for (const steps of funnels) {
    const one = await countFunnelSteps(workspaceId, population, steps, 1);
    for (const parts of [2, 3, 7]) expect(await countFunnelSteps(workspaceId, population, steps, parts)).toEqual(one);
  }
  expect(await countFunnelSteps(workspaceId, population, funnels[0], 1)).toEqual([6, 5, 4, 3, 2]);
  expect(await countFunnelSteps(workspaceId, population, funnels[2], 1)).toEqual([5, 3, 3, 1]);
});
