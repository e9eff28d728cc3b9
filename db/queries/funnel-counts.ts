/**
 * The query that counts the conversations reaching each step of a funnel. Conversations and the rows of
 * their steps carry the same 64-bit key hashed from the conversation id (migration 0018), and the indexes
 * read here are in (key, id) order: over a large population each step is a merge join of the conversations
 * with that step's rows, index-only and streaming, with no hash tables; a small one looks the rows up by
 * key. The key is a hash, so its ranges split any population evenly: the funnel runs as KEY_PARTS
 * statements at once, each over one range of keys, and adds them up.
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
/** [lo, hi) of the keys, null where unbounded. */
type KeyRange = [string | null, string | null];
type TimedStep = Exclude<StepCondition, { kind: 'start' | 'depth' }>;

/** Statements per funnel: the machine's cores (two) each merge one half of the keys. */
const KEY_PARTS = 2;

/** The key ranges splitting the signed 64-bit keys into `parts` equal parts. */
export function keyRanges(parts: number): KeyRange[] {
  const bound = (i: number) => (i === 0 || i === parts ? null : (-(2n ** 63n) + (BigInt(i) * 2n ** 64n) / BigInt(parts)).toString());
  return Array.from({ length: parts }, (_, i) => [bound(i), bound(i + 1)]);
}

const inRange = (column: Fragment, [lo, hi]: KeyRange) =>
  sql`${lo === null ? sql`` : sql`AND ${column} >= ${lo}::bigint`} ${hi === null ? sql`` : sql`AND ${column} < ${hi}::bigint`}`;

/** A timed step's rows as (k, id, t), in (k, id, t) order through their index, from the range start on. */
function stepRows(workspaceId: string, step: TimedStep, start: Date, keys: KeyRange): Fragment {
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

/** The population's conversations in a key range, with at least `depth` user messages, as (k, id, umc, ts: the start). */
function populationRows(workspaceId: string, population: FunnelPopulation, keys: KeyRange, depth: number): Fragment {
  const [avatar, ...more] = population.avatarIds;
  const avatars = avatar === undefined ? sql`` : sql`AND avatar_id = ${avatar} ${more.some((a) => a !== avatar) ? sql`AND false` : sql``}`;
  return sql`SELECT id_key AS k, id, user_message_count AS umc, started_at AS ts FROM conversations
    WHERE workspace_id = ${workspaceId}::uuid ${inRange(sql`id_key`, keys)} AND started_at >= ${population.start} AND started_at < ${population.end} ${avatars}
    ${depth > 0 ? sql`AND user_message_count >= ${depth}` : sql``}`;
}

/**
 * Up to this many conversations in the population (the planner's estimate from the range index), a step's
 * rows may be looked up by key (nested loops); beyond, the joins are merge joins only, because the planner
 * underestimates the survivors of a step and would probe for hundreds of thousands of them.
 */
const LOOKUP_POPULATION = 20_000;

async function estimatedPopulation(workspaceId: string, population: FunnelPopulation): Promise<number> {
  const [row] = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>`
    EXPLAIN (FORMAT JSON) ${populationRows(workspaceId, population, [null, null], 0)}`;
  return row['QUERY PLAN'][0].Plan['Plan Rows'];
}

const list = (parts: Fragment[]) => parts.reduce((all, part) => sql`${all}, ${part}`);

const isTimed = (step: StepCondition): step is TimedStep => step.kind !== 'start' && step.kind !== 'depth';

/**
 * One statement over one key range, of two independent parts. The head counts the leading
 * conversation_started / user_messages steps in one pass over the population. The chain starts with the
 * survivors of the first timed step: the population (k, id, umc, ts: its start) inner-joined with that
 * step's rows. Each later timed step j wraps the level before with a LEFT join that adds t<j>, the step's
 * time, or null where the conversation does not reach it (so later steps cannot match); the chain counts
 * every step from the first timed one on. A goal has one completion per conversation; the other steps keep
 * the earliest occurrence late enough, grouped per conversation. `depth` steps become a condition on umc.
 * Every join is on (k, id), so a large population merge-joins a step's rows in index order and a small one
 * (`lookups`) looks them up by key (a nested loop).
 */
function partStatement(workspaceId: string, population: FunnelPopulation, steps: StepCondition[], keys: KeyRange, lookups: boolean): Fragment {
  const spine = (depth: number) => populationRows(workspaceId, population, keys, depth);
  const firstTimed = steps.findIndex(isTimed);
  const headSteps = firstTimed === -1 ? steps : steps.slice(0, firstTimed);
  let depth = 0;
  const head = headSteps.map((step, j) => {
    if (step.kind === 'depth') depth = Math.max(depth, step.minUserMessages);
    return sql`count(*) FILTER (WHERE umc >= ${depth})::int AS ${sql(`c${j}`)}`;
  });
  const headPart = head.length ? sql`(SELECT ${list(head)} FROM (${spine(0)}) s) h` : null;
  if (firstTimed === -1) return sql`SELECT h.* FROM ${headPart!}`;

  // Merge-joined, the last step's rows are grouped to the latest one per conversation first (cheaper than
  // grouping the survivors after the join); looked up by key, they must stay raw rows.
  const lastTimed = steps.findLastIndex(isTimed);
  const latest = (j: number, rows: Fragment) =>
    !lookups && j === lastTimed && steps[j].kind !== 'goal' ? sql`SELECT k, id, max(t) AS t FROM (${rows}) r GROUP BY k, id` : null;
  const first = steps[firstTimed] as TimedStep;
  const firstRows = stepRows(workspaceId, first, population.start, keys);
  const firstLatest = latest(firstTimed, firstRows);
  let level =
    first.kind === 'goal' || firstLatest
      ? sql`SELECT l.k, l.id, l.umc, x.t AS ${sql(`t${firstTimed}`)} FROM (${spine(depth)}) l
          JOIN (${firstLatest ?? firstRows}) x ON x.k = l.k AND x.id = l.id AND x.t >= l.ts`
      : sql`SELECT l.k, l.id, min(l.umc) AS umc, min(x.t) AS ${sql(`t${firstTimed}`)} FROM (${spine(depth)}) l
          JOIN (${firstRows}) x ON x.k = l.k AND x.id = l.id AND x.t >= l.ts GROUP BY l.k, l.id`;
  const carried = ['umc', `t${firstTimed}`]; // the level's columns besides k and id
  const counts: Fragment[] = [sql`count(*)`];
  let time = `t${firstTimed}`; // the column of the last timed step's time
  steps.slice(firstTimed + 1).forEach((step, i) => {
    const j = firstTimed + 1 + i;
    if (!isTimed(step)) {
      if (step.kind === 'depth') depth = Math.max(depth, step.minUserMessages);
      counts.push(sql`count(*) FILTER (WHERE ${sql(time)} IS NOT NULL AND umc >= ${depth})`);
      return;
    }
    const rows = stepRows(workspaceId, step, population.start, keys);
    const column = `t${j}`;
    const late = sql`x.t >= l.${sql(time)} AND l.umc >= ${depth}`;
    const rowsLatest = latest(j, rows);
    level =
      step.kind === 'goal' || rowsLatest
        ? sql`SELECT l.*, CASE WHEN ${late} THEN x.t END AS ${sql(column)} FROM (${level}) l LEFT JOIN (${rowsLatest ?? rows}) x ON x.k = l.k AND x.id = l.id`
        : sql`SELECT l.k, l.id, ${list(carried.map((c) => sql`min(l.${sql(c)}) AS ${sql(c)}`))}, min(x.t) FILTER (WHERE ${late}) AS ${sql(column)}
            FROM (${level}) l LEFT JOIN (${rows}) x ON x.k = l.k AND x.id = l.id GROUP BY l.k, l.id`;
    carried.push(column);
    time = column;
    counts.push(sql`count(${sql(column)})`);
  });
  const chain = list(counts.map((c, i) => sql`${c}::int AS ${sql(`c${firstTimed + i}`)}`));
  return sql`SELECT ${headPart ? sql`h.*, ` : sql``}f.* FROM ${headPart ? sql`${headPart}, ` : sql``}(SELECT ${chain} FROM (${level}) l) f`;
}

/**
 * How many conversations started in the range (of the given avatars) reach each step: the statements of
 * the key ranges run at once, on connections of their own, and their counts add up (every conversation is
 * in exactly one range). The plans use no hashing (hashing the survivors is what made this slow) and one
 * process per statement (the ranges are the parallelism).
 */
export async function countFunnelSteps(
  workspaceId: string,
  population: FunnelPopulation,
  steps: StepCondition[],
  keyParts = KEY_PARTS,
): Promise<number[]> {
  if (steps.length === 0) return [];
  const lookups = (await estimatedPopulation(workspaceId, population)) <= LOOKUP_POPULATION;
  const parts = await Promise.all(
    keyRanges(keyParts).map((keys) =>
      sql.begin(async (tx) => {
        // (The clients plan every run for its real range: db/index.ts.) Compiling this statement (JIT) costs
        // more than it saves; a goal step after another timed step is sorted (PostgreSQL 15 does not see that
        // its index is in key order below a LEFT join), in memory.
        await tx`SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true), set_config('enable_hashjoin', 'off', true),
          set_config('enable_hashagg', 'off', true), set_config('max_parallel_workers_per_gather', '0', true),
          set_config('enable_nestloop', ${lookups ? 'on' : 'off'}, true)`;
        const [row] = await tx<Record<string, number>[]>`${partStatement(workspaceId, population, steps, keys, lookups)}`;
        return row;
      }),
    ),
  );
  return steps.map((_, j) => parts.reduce((sum, row) => sum + row[`c${j}`], 0));
}
