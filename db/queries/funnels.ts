/** Funnels: their rows, and the one query that counts the conversations reaching each step. */
import { and, asc, eq } from 'drizzle-orm';
import type { PendingQuery, Row } from 'postgres';
import { db, sql, type DbExecutor } from '../index';
import { funnels } from '../schema';

export type FunnelRow = typeof funnels.$inferSelect;
type FunnelFields = { name: string; avatarId: string | null; steps: unknown[] };

export async function listFunnelRows(workspaceId: string): Promise<FunnelRow[]> {
  return db.select().from(funnels).where(eq(funnels.workspaceId, workspaceId)).orderBy(asc(funnels.createdAt), asc(funnels.id));
}

export async function findFunnelRow(workspaceId: string, id: string): Promise<FunnelRow | null> {
  const [row] = await db.select().from(funnels).where(and(eq(funnels.workspaceId, workspaceId), eq(funnels.id, id))).limit(1);
  return row ?? null;
}

export async function insertFunnelRow(tx: DbExecutor, workspaceId: string, funnel: FunnelFields & { id: string }): Promise<FunnelRow> {
  const [row] = await tx
    .insert(funnels)
    .values({ workspaceId, id: funnel.id, name: funnel.name, avatarId: funnel.avatarId, steps: funnel.steps as Record<string, unknown>[] })
    .returning();
  return row;
}

export async function updateFunnelRow(tx: DbExecutor, workspaceId: string, id: string, funnel: FunnelFields): Promise<FunnelRow | null> {
  const [row] = await tx
    .update(funnels)
    .set({ name: funnel.name, avatarId: funnel.avatarId, steps: funnel.steps as Record<string, unknown>[], updatedAt: new Date() })
    .where(and(eq(funnels.workspaceId, workspaceId), eq(funnels.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteFunnelRow(tx: DbExecutor, workspaceId: string, id: string): Promise<{ name: string } | null> {
  const [row] = await tx
    .delete(funnels)
    .where(and(eq(funnels.workspaceId, workspaceId), eq(funnels.id, id)))
    .returning({ name: funnels.name });
  return row ?? null;
}

/**
 * Up to 100 distinct tool and event names of the workspace, for the builder's suggestions: a loose index
 * scan of each name index (one probe per name), so it stays cheap however many rows there are.
 */
export async function listStepNames(workspaceId: string): Promise<{ tools: string[]; events: string[] }> {
  const distinct = (table: 'actions' | 'events') => sql<{ name: string }[]>`
    WITH RECURSIVE n AS (
      (SELECT name FROM ${sql(table)} WHERE workspace_id = ${workspaceId}::uuid ORDER BY name LIMIT 1)
      UNION ALL
      SELECT (SELECT x.name FROM ${sql(table)} x WHERE x.workspace_id = ${workspaceId}::uuid AND x.name > n.name ORDER BY x.name LIMIT 1) FROM n WHERE n.name IS NOT NULL
    )
    SELECT name FROM n WHERE name IS NOT NULL LIMIT 100`;
  const [tools, events] = await Promise.all([distinct('actions'), distinct('events')]);
  return { tools: tools.map((r) => r.name), events: events.map((r) => r.name) };
}

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

/**
 * The rows of a timed step that a survivor `p` (columns `id, t, umc`) may match: found through their index
 * by name (or goal), bounded below by the range start since nothing before a conversation's start counts,
 * and at or after `p.t`. `unique`: at most one per conversation (goal completions).
 */
function occurrences(workspaceId: string, step: TimedStep, start: Date): { rows: Fragment; time: Fragment; match: Fragment; unique: boolean } {
  switch (step.kind) {
    case 'tool':
      return {
        rows: sql`actions x`,
        time: sql`x.started_at`,
        match: sql`x.workspace_id = ${workspaceId}::uuid AND x.name = ${step.name} AND x.started_at >= ${start} AND x.conversation_id = p.id AND x.started_at >= p.t`,
        unique: false,
      };
    case 'event':
      return {
        rows: sql`events x`,
        time: sql`x.timestamp`,
        match: sql`x.workspace_id = ${workspaceId}::uuid AND x.name = ${step.name} AND x.timestamp >= ${start} AND x.conversation_id = p.id AND x.timestamp >= p.t
          ${step.properties ? sql`AND x.properties @> ${JSON.stringify(step.properties)}::text::jsonb` : sql``}`,
        unique: false,
      };
    case 'goal':
      return {
        rows: sql`goal_completions x`,
        time: sql`x.completed_at`,
        match: sql`x.workspace_id = ${workspaceId}::uuid AND x.goal_id = ${step.goalId} AND x.conversation_id = p.id AND x.completed_at >= p.t`,
        unique: true,
      };
  }
}

/**
 * The survivors of `prev` that reach a timed step. When a later step needs its time, a join grouped to the
 * earliest occurrence; otherwise a semi-join (EXISTS), which needs no grouping.
 */
function timedSurvivors(workspaceId: string, step: TimedStep, prev: Fragment, start: Date, needsTime: boolean): Fragment {
  const { rows, time, match, unique } = occurrences(workspaceId, step, start);
  if (!needsTime) return sql`SELECT p.id, p.t, p.umc FROM ${prev} WHERE EXISTS (SELECT 1 FROM ${rows} WHERE ${match})`;
  if (unique) return sql`SELECT p.id, ${time} AS t, p.umc FROM ${prev} JOIN ${rows} ON ${match}`;
  return sql`SELECT p.id, min(${time}) AS t, p.umc FROM ${prev} JOIN ${rows} ON ${match} GROUP BY p.id, p.umc`;
}

const list = (parts: Fragment[]) => parts.reduce((all, part) => sql`${all}, ${part}`);

/**
 * How many conversations started in the range (of the given avatars) reach each step, in one statement.
 * Leading conversation_started / user_messages steps are counted in one pass over the conversations. Each
 * timed step is a CTE of its survivors, joined from the survivors of the timed step before (the first one
 * from the conversations themselves, so the planner may scan and hash in parallel), so the work shrinks with
 * the funnel. A user_messages step after a timed one filters that step's survivors by their counter.
 */
export async function countFunnelSteps(workspaceId: string, population: FunnelPopulation, steps: StepCondition[]): Promise<number[]> {
  if (steps.length === 0) return [];
  const [avatar, ...more] = population.avatarIds;
  const avatars = avatar === undefined ? sql`` : sql`AND avatar_id = ${avatar} ${more.some((a) => a !== avatar) ? sql`AND false` : sql``}`;
  const base = sql`(
    SELECT id, started_at AS t, user_message_count AS umc FROM conversations
    WHERE workspace_id = ${workspaceId}::uuid AND started_at >= ${population.start} AND started_at < ${population.end} ${avatars}
  ) p`;

  const ctes: Fragment[] = [];
  const counts: Fragment[] = [];
  const headCounts: Fragment[] = [];
  let depth = 0; // the most user messages a step so far asked for
  let survivors: string | null = null; // the CTE of the last timed step
  const lastTimed = steps.findLastIndex((step) => step.kind !== 'start' && step.kind !== 'depth');
  steps.forEach((step, k) => {
    const alias = sql(`c${k}`);
    if (step.kind === 'start' || step.kind === 'depth') {
      if (step.kind === 'depth') depth = Math.max(depth, step.minUserMessages);
      if (survivors === null) headCounts.push(sql`count(*) FILTER (WHERE umc >= ${depth})::int AS ${alias}`);
      else counts.push(sql`(SELECT count(*) FROM ${sql(survivors)} WHERE umc >= ${depth})::int AS ${alias}`);
      return;
    }
    const prev = survivors === null ? base : sql`${sql(survivors)} p`;
    const input = sql`(SELECT p.id, p.t, p.umc FROM ${prev} WHERE p.umc >= ${depth}) p`;
    survivors = `s${k}`;
    ctes.push(sql`${sql(survivors)} AS MATERIALIZED (${timedSurvivors(workspaceId, step, input, population.start, k < lastTimed)})`);
    counts.push(sql`(SELECT count(*) FROM ${sql(survivors)})::int AS ${alias}`);
  });
  const head = headCounts.length ? sql`(SELECT ${list(headCounts)} FROM ${base}) h` : null;
  const selected = list([...(head ? [sql`h.*`] : []), ...counts]);
  const row = await sql.begin(async (tx) => {
    // (The clients plan every run for its real range: db/index.ts.) Compiling this statement (JIT) costs more
    // than it saves, and its hashes of survivors need more than the default 4 MB to stay in memory.
    await tx`SET LOCAL jit = off`;
    await tx`SET LOCAL work_mem = '32MB'`;
    const [result] = await tx<Record<string, number>[]>`
      ${ctes.length ? sql`WITH ${list(ctes)}` : sql``}
      SELECT ${selected} ${head ? sql`FROM ${head}` : sql``}`;
    return result;
  });
  return steps.map((_, k) => row[`c${k}`]);
}
