/**
 * `npm run bench -- ingest [--messages N] [--clients C] [--url http://host:port]`
 * Posts realistic 1,000-item batches from C concurrent clients until N messages are in, through the real
 * /v1/batch handler (in-process by default, or over HTTP to --url), with every derivation on; then inserts
 * the same message rows with a raw multi-row INSERT on the same database and prints the ratio. The
 * workspace has the three template goals (a pattern, a phrase list, "ended without escalation"), so
 * live goal evaluation is part of the measure; `--no-goals` leaves them out.
 */
import { parseArgs } from 'node:util';
import { NextRequest } from 'next/server';
import { closeDb, sql } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { createApiKey } from '@/lib/auth/api-keys';
import { demoConversation, seededRandom, type DemoBatchItem } from '@/lib/demo/generate';
import { insertWorkspace } from '@/db/queries/accounts';
import { createGoal } from '@/lib/goals/service';
import { GOAL_TEMPLATES } from '@/lib/goals/triggers';
import { ms, percentile, requireDatabaseUrl } from './_stats';

const { values } = parseArgs({ options: { messages: { type: 'string' }, clients: { type: 'string' }, url: { type: 'string' }, 'no-goals': { type: 'boolean' } } });
const targetMessages = Number(values.messages ?? 200_000);
const clients = Number(values.clients ?? 4);
const BATCH = 1000;

function buildBatches(now: Date): { batches: DemoBatchItem[][]; messages: number } {
  const rand = seededRandom(42);
  const batches: DemoBatchItem[][] = [];
  let current: DemoBatchItem[] = [];
  let messages = 0;
  for (let i = 0; messages < targetMessages; i++) {
    const items = demoConversation(rand, `bench_${i}`, now, 30, 50_000);
    if (current.length + items.length > BATCH) {
      batches.push(current);
      current = [];
    }
    current.push(...items);
    messages += items.filter((it) => it.type === 'message').length;
  }
  if (current.length) batches.push(current);
  return { batches, messages };
}

async function post(key: string, body: string): Promise<number> {
  const init = { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body };
  if (values.url) return (await fetch(new URL('/v1/batch', values.url), init)).status;
  const { POST } = await import('@/app/v1/batch/route');
  return (await POST(new NextRequest('http://bench/v1/batch', init), { params: Promise.resolve({}) })).status;
}

async function runClients<T>(work: T[], fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < work.length) await fn(work[next++]);
  }));
}

async function rawInsert(workspaceId: string, batches: DemoBatchItem[][]): Promise<number> {
  await sql`create table if not exists bench_raw_messages (like messages including defaults including indexes)`;
  await sql`truncate bench_raw_messages`;
  const rows = batches.map((batch) => batch.filter((i) => i.type === 'message').map((i) => i.body));
  const started = performance.now();
  await runClients(rows, async (messages) => {
    await sql`insert into bench_raw_messages (workspace_id, conversation_id, id, role, content, created_at, prompt_tokens, completion_tokens)
      select ${workspaceId}::uuid, * from unnest(
        ${messages.map((m) => m.conversationId as string)}::text[], ${messages.map((m) => m.id as string)}::text[],
        ${messages.map((m) => m.role as string)}::message_role[], ${messages.map((m) => m.content as string)}::text[],
        ${messages.map((m) => m.createdAt as string)}::timestamptz[],
        ${messages.map((m) => (m.tokens as { prompt?: number } | undefined)?.prompt ?? 0)}::int[],
        ${messages.map((m) => (m.tokens as { completion?: number } | undefined)?.completion ?? 0)}::int[])`;
  });
  const seconds = (performance.now() - started) / 1000;
  await sql`drop table bench_raw_messages`;
  return seconds;
}

async function main() {
  requireDatabaseUrl();
  process.env.API_RATE_LIMIT_PER_SECOND ??= '100000';
  await migrateDatabase();
  const workspace = await insertWorkspace({ name: 'Ingest benchmark', slug: `bench-ingest-${Date.now()}` });
  const { key } = await createApiKey(workspace.id, { name: 'bench', scopes: ['ingest'] });
  if (!values['no-goals']) for (const t of GOAL_TEMPLATES) await createGoal(workspace.id, { name: t.name, trigger: t.trigger }, {});
  const { batches, messages } = buildBatches(new Date());
  const bodies = batches.map((batch) => JSON.stringify({ batch }));
  console.log(`ingest benchmark: ${messages} messages in ${batches.length} batches of ≤${BATCH} items, ${clients} concurrent clients${values.url ? ` → ${values.url}` : ' (in-process handler)'}${values['no-goals'] ? ', no goals' : ', 3 template goals evaluated live'}`);

  await post(key, bodies[0]); // warm-up: compiles modules and loads the language model; replays are no-ops
  const latencies: number[] = [];
  const started = performance.now();
  await runClients(bodies, async (body) => {
    const t = performance.now();
    const status = await post(key, body);
    if (status !== 207) throw new Error(`batch answered ${status}`);
    latencies.push(performance.now() - t);
  });
  const seconds = (performance.now() - started) / 1000;
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from messages where workspace_id = ${workspace.id}`;
  if (n !== messages) throw new Error(`expected ${messages} stored messages, found ${n}`);
  const rawSeconds = await rawInsert(workspace.id, batches);

  console.log(`confab ingest : ${(messages / seconds).toFixed(0)} messages/s (${seconds.toFixed(1)} s)`);
  console.log(`batch latency : p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`);
  console.log(`raw INSERT    : ${(messages / rawSeconds).toFixed(0)} messages/s (${rawSeconds.toFixed(1)} s)`);
  console.log(`ratio         : confab ingest runs at ${((rawSeconds / seconds) * 100).toFixed(1)}% of a raw multi-row INSERT`);
  const [{ c }] = await sql<{ c: number }[]>`select count(*)::int as c from goal_completions where workspace_id = ${workspace.id}`;
  console.log(`goals         : ${c} completions recorded live`);
  await sql`delete from workspaces where id = ${workspace.id}`;
  await closeDb();
}

main().catch(async (error) => {
  console.error(error);
  await closeDb();
  process.exit(1);
});
