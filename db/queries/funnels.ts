/** Funnels: their rows, and the one query that counts the conversations reaching each step. */
import { and, asc, eq } from 'drizzle-orm';
import type { PendingQuery, Row } from 'postgres';
import { db, sql } from '../index';
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

export async function insertFunnelRow(workspaceId: string, funnel: FunnelFields & { id: string }): Promise<FunnelRow> {
  const [row] = await db
    .insert(funnels)
    .values({ workspaceId, id: funnel.id, name: funnel.name, avatarId: funnel.avatarId, steps: funnel.steps as Record<string, unknown>[] })
    .returning();
  return row;
}

export async function updateFunnelRow(workspaceId: string, id: string, funnel: FunnelFields): Promise<FunnelRow | null> {
  const [row] = await db
    .update(funnels)
    .set({ name: funnel.name, avatarId: funnel.avatarId, steps: funnel.steps as Record<string, unknown>[], updatedAt: new Date() })
    .where(and(eq(funnels.workspaceId, workspaceId), eq(funnels.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteFunnelRow(workspaceId: string, id: string): Promise<{ name: string } | null> {
  const [row] = await db
    .delete(funnels)
    .where(and(eq(funnels.workspaceId, workspaceId), eq(funnels.id, id)))
    .returning({ name: funnels.name });
  return row ?? null;
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
 * The conversations of `prev` (rows `id, t, umc`) that reach a timed step, with its time: a join with that
 * step's rows, found through their index by name (or goal), bounded below by the range start since nothing
 * before a conversation's start counts, and grouped to the earliest occurrence at or after `t`.
 */
function timedSurvivors(workspaceId: string, step: TimedStep, prev: Fragment, start: Date): Fragment {
  switch (step.kind) {
    case 'tool':
      return sql`
        SELECT p.id, min(a.started_at) AS t, p.umc FROM ${prev}
        JOIN actions a ON a.workspace_id = ${workspaceId}::uuid AND a.name = ${step.name} AND a.started_at >= ${start}
          AND a.conversation_id = p.id AND a.started_at >= p.t
        GROUP BY p.id, p.umc`;
    case 'event':
      return sql`
        SELECT p.id, min(e.timestamp) AS t, p.umc FROM ${prev}
        JOIN events e ON e.workspace_id = ${workspaceId}::uuid AND e.name = ${step.name} AND e.timestamp >= ${start}
          AND e.conversation_id = p.id AND e.timestamp >= p.t
          ${step.properties ? sql`AND e.properties @> ${JSON.stringify(step.properties)}::text::jsonb` : sql``}
        GROUP BY p.id, p.umc`;
    case 'goal':
      // One completion per goal and conversation, so no grouping.
      return sql`
        SELECT p.id, g.completed_at AS t, p.umc FROM ${prev}
        JOIN goal_completions g ON g.workspace_id = ${workspaceId}::uuid AND g.goal_id = ${step.goalId}
          AND g.conversation_id = p.id AND g.completed_at >= p.t`;
  }
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
    ctes.push(sql`${sql(survivors)} AS MATERIALIZED (${timedSurvivors(workspaceId, step, input, population.start)})`);
    counts.push(sql`(SELECT count(*) FROM ${sql(survivors)})::int AS ${alias}`);
  });
  const head = headCounts.length ? sql`(SELECT ${list(headCounts)} FROM ${base}) h` : null;
  const selected = list([...(head ? [sql`h.*`] : []), ...counts]);
  const [row] = await sql<Record<string, number>[]>`
    ${ctes.length ? sql`WITH ${list(ctes)}` : sql``}
    SELECT ${selected} ${head ? sql`FROM ${head}` : sql``}`;
  return steps.map((_, k) => row[`c${k}`]);
}
