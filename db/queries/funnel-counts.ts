/**
 * The query that counts the conversations reaching each step of a funnel. Conversations and the rows of
 * their steps carry the same 64-bit key hashed from the conversation id (migration 0018), and every index
 * read here is in (key, id) order: each step is a merge join of the conversations with that step's rows,
 * index-only and streaming, with no hash tables. The key is a hash, so its ranges split any population
 * evenly: the funnel runs as KEY_PARTS statements at once, each over one range of keys, and adds them up.
 */
import type { PendingQuery, Row } from 'postgres';
import { sql } from '../index';

/**
 * A step as the query evaluates it. `depth` (at least N user messages) reads the conversation's counter and
 * keeps the step time; the others move it to the earliest matching occurrence at or after it.
 */
export type StepCondition =
  | { kind: 'start' }
  | { kind: 'depth'; minUserMessages: number }
  | { kind: 'goal'; goalId: string }
  | { kind: 'event'; name: string; properties: Record<string, unknown> | null }
  | { kind: 'tool'; name: string };

export type FunnelPopulation = { start: Date; end: Date; avatarIds: string[] };

type Fragment = PendingQuery<Row[]>;
type TimedStep = Exclude<StepCondition, { kind: 'start' | 'depth' }>;

/** Statements per funnel: the machine's cores (two) each merge one half of the keys. */
const KEY_PARTS = 2;

/** The key ranges [lo, hi) splitting the signed 64-bit keys into `parts` equal parts (null: unbounded). */
export function keyRanges(parts: number): [string | null, string | null][] {
  const bound = (i: number) => (i === 0 || i === parts ? null : (-(2n ** 63n) + (BigInt(i) * 2n ** 64n) / BigInt(parts)).toString());
  return Array.from({ length: parts }, (_, i) => [bound(i), bound(i + 1)]);
}

const inRange = (column: Fragment, [lo, hi]: [string | null, string | null]) =>
  sql`${lo === null ? sql`` : sql`AND ${column} >= ${lo}::bigint`} ${hi === null ? sql`` : sql`AND ${column} < ${hi}::bigint`}`;

/** A timed step's rows as (k, id, t), in (k, id, t) order through their index, from the range start on. */
function stepRows(workspaceId: string, step: TimedStep, start: Date, keys: [string | null, string | null]): Fragment {
  const key = sql`conversation_key`;
  switch (step.kind) {
    case 'tool':
      return sql`SELECT conversation_key AS k, conversation_id AS id, started_at AS t FROM actions
        WHERE workspace_id = ${workspaceId}::uuid AND name = ${step.name} ${inRange(key, keys)} AND started_at >= ${start}`;
    case 'event':
      return sql`SELECT conversation_key AS k, conversation_id AS id, timestamp AS t FROM events
        WHERE workspace_id = ${workspaceId}::uuid AND name = ${step.name} ${inRange(key, keys)} AND timestamp >= ${start}
        ${step.properties ? sql`AND properties @> ${JSON.stringify(step.properties)}::text::jsonb` : sql``}`;
    case 'goal':
      return sql`SELECT conversation_key AS k, conversation_id AS id, completed_at AS t FROM goal_completions
        WHERE workspace_id = ${workspaceId}::uuid AND goal_id = ${step.goalId} ${inRange(key, keys)}`;
  }
}

const list = (parts: Fragment[]) => parts.reduce((all, part) => sql`${all}, ${part}`);

/**
 * One statement over one key range. The innermost level is the population (k, id, umc, ts: its start);
 * each timed step j wraps the level before with a LEFT merge join that adds t<j>, the step's time, or null
 * where the conversation does not reach it (so later steps cannot match). A goal step or the last timed
 * step joins its rows grouped per conversation first (a goal has one completion per conversation; the last
 * step only asks whether any occurrence is late enough, so the latest one decides); any other step joins
 * its raw rows and keeps the earliest one late enough, grouped per conversation. `depth` steps become a
 * condition on umc. The select counts each step from the outermost level.
 */
function partStatement(workspaceId: string, population: FunnelPopulation, steps: StepCondition[], keys: [string | null, string | null]): Fragment {
  const [avatar, ...more] = population.avatarIds;
  const avatars = avatar === undefined ? sql`` : sql`AND avatar_id = ${avatar} ${more.some((a) => a !== avatar) ? sql`AND false` : sql``}`;
  let level = sql`SELECT id_key AS k, id, user_message_count AS umc, started_at AS ts FROM conversations
    WHERE workspace_id = ${workspaceId}::uuid ${inRange(sql`id_key`, keys)} AND started_at >= ${population.start} AND started_at < ${population.end} ${avatars}`;
  const carried = ['umc', 'ts']; // the level's columns besides k and id
  const counts: Fragment[] = [];
  let depth = 0;
  let time: string | null = null; // the column of the last timed step's time
  const lastTimed = steps.findLastIndex((step) => step.kind !== 'start' && step.kind !== 'depth');
  steps.forEach((step, j) => {
    if (step.kind === 'start' || step.kind === 'depth') {
      if (step.kind === 'depth') depth = Math.max(depth, step.minUserMessages);
      counts.push(sql`count(*) FILTER (WHERE ${time === null ? sql`` : sql`${sql(time)} IS NOT NULL AND`} umc >= ${depth})`);
      return;
    }
    const after = sql`${sql(time ?? 'ts')}`;
    const rows = stepRows(workspaceId, step, population.start, keys);
    const column = `t${j}`;
    if (step.kind === 'goal' || j === lastTimed) {
      const pick = step.kind === 'goal' ? sql`min(t)` : sql`max(t)`;
      level = sql`SELECT l.*, CASE WHEN x.t >= l.${after} AND l.umc >= ${depth} THEN x.t END AS ${sql(column)}
        FROM (${level}) l LEFT JOIN (SELECT k, id, ${pick} AS t FROM (${rows}) r GROUP BY k, id) x ON x.k = l.k AND x.id = l.id`;
    } else {
      level = sql`SELECT l.k, l.id, ${list(carried.map((c) => sql`min(l.${sql(c)}) AS ${sql(c)}`))},
        min(x.t) FILTER (WHERE x.t >= l.${after} AND l.umc >= ${depth}) AS ${sql(column)}
        FROM (${level}) l LEFT JOIN (${rows}) x ON x.k = l.k AND x.id = l.id GROUP BY l.k, l.id`;
    }
    carried.push(column);
    time = column;
    counts.push(sql`count(${sql(column)})`);
  });
  return sql`SELECT ${list(counts.map((c, j) => sql`${c}::int AS ${sql(`c${j}`)}`))} FROM (${level}) f`;
}

/**
 * How many conversations started in the range (of the given avatars) reach each step: the statements of
 * the key ranges run at once, on connections of their own, and their counts add up (every conversation is
 * in exactly one range). The plan is fixed to merge joins (hashing the survivors is what made this slow)
 * and to one process per statement (the ranges are the parallelism).
 */
export async function countFunnelSteps(workspaceId: string, population: FunnelPopulation, steps: StepCondition[]): Promise<number[]> {
  if (steps.length === 0) return [];
  const parts = await Promise.all(
    keyRanges(KEY_PARTS).map((keys) =>
      sql.begin(async (tx) => {
        // (The clients plan every run for its real range: db/index.ts.) Compiling this statement (JIT) costs
        // more than it saves.
        await tx`SELECT set_config('jit', 'off', true), set_config('enable_hashjoin', 'off', true),
          set_config('enable_hashagg', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`;
        const [row] = await tx<Record<string, number>[]>`${partStatement(workspaceId, population, steps, keys)}`;
        return row;
      }),
    ),
  );
  return steps.map((_, j) => parts.reduce((sum, row) => sum + row[`c${j}`], 0));
}
