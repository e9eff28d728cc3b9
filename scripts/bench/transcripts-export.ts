/**
 * The CSV export of every conversation of a workspace through GET /v1/conversations?format=csv (the route
 * handler and its streaming body, consumed as a client would), with the process's RSS sampled while it
 * runs; and `COPY (the same rows' SELECT) TO STDOUT WITH CSV`, the floor it is compared with.
 */
import { NextRequest } from 'next/server';
import { GET as conversationsRoute } from '@/app/v1/conversations/route';
import postgres from 'postgres';
import { requireDatabaseUrl } from './_stats';

export type ExportRun = { seconds: number; bytes: number; rows: number; peakRssGrowthMb: number };

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Counts records by their line ends: the benchmark's cells hold no line breaks. */
function countLines(chunk: Uint8Array): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/** Samples RSS every 10 ms (and on every chunk) from `baseline`, the RSS before the run starts. */
function rssSampler() {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  const timer = setInterval(sample, 10);
  return { sample, stop: () => (clearInterval(timer), sample(), (peak - baseline) / 2 ** 20) };
}

export async function runCsvExport(key: string, rows: 'conversations' | 'messages' = 'conversations'): Promise<ExportRun> {
  const rss = rssSampler();
  const started = performance.now();
  const req = new NextRequest(`http://bench/v1/conversations?format=csv&rows=${rows}`, { headers: { authorization: `Bearer ${key}` } });
  const res = await (conversationsRoute as Handler)(req, { params: Promise.resolve({}) });
  if (res.status !== 200 || !res.body) throw new Error(`GET /v1/conversations?format=csv answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    lines += countLines(chunk);
    rss.sample();
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, bytes, rows: lines - 1, peakRssGrowthMb: rss.stop() };
}

/**
 * The export's SELECT (db/queries/transcripts-list.ts without the keyset paging): the same columns, join
 * and order. COPY takes no bind parameters, so the workspace id, a checked uuid, is inlined.
 */
function copySelect(workspaceId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(workspaceId)) throw new Error('not a uuid');
  return `SELECT c.id, c.avatar_id, a.name AS avatar_name, c.customer_id, c.status, c.started_at, c.ended_at,
      CASE WHEN c.ended_at IS NULL THEN NULL ELSE extract(epoch FROM c.ended_at - c.started_at)::float8 END AS duration_s,
      c.message_count, c.user_message_count, c.assistant_message_count, c.prompt_tokens, c.completion_tokens,
      c.sentiment_score, c.sentiment_label, c.escalated, c.goal_reached, c.device, c.source, c.language, c.country,
      c.feedback, c.first_user_message
    FROM conversations c LEFT JOIN avatars a ON a.workspace_id = c.workspace_id AND a.id = c.avatar_id
    WHERE c.workspace_id = '${workspaceId}'::uuid
    ORDER BY c.started_at DESC, c.id COLLATE "C" DESC`;
}

/**
 * COPY runs on a client of its own: postgres.js can leave a connection that served a COPY … TO STDOUT
 * stream stuck for the next query (porsager/postgres#499, #917), so the shared pool never sees one.
 */
export async function runCopy(workspaceId: string): Promise<ExportRun> {
  const client = postgres(requireDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    await client`SELECT 1`; // connected before the clock starts, as the export's pool already is
    const rss = rssSampler();
    const started = performance.now();
    const stream = await client.unsafe(`COPY (${copySelect(workspaceId)}) TO STDOUT WITH (FORMAT csv, HEADER)`).readable();
    let bytes = 0;
    let lines = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      lines += countLines(chunk);
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds, bytes, rows: lines - 1, peakRssGrowthMb: rss.stop() };
  } finally {
    await client.end({ timeout: 1 });
  }
}
