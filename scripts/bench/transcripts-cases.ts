/**
 * What the transcript benchmark times on one workspace: pages of the conversation list through
 * lib/transcripts' listConversations (the function behind GET /v1/conversations and the dashboard) and
 * through the route handler itself, filtered first pages, deep pages and text searches.
 */
import { NextRequest } from 'next/server';
import { GET as conversationsRoute } from '@/app/v1/conversations/route';
import { sql } from '@/db';
import { encodeCursor } from '@/lib/transcripts/cursor';
import { transcriptFiltersSchema, type TranscriptFilters } from '@/lib/transcripts/filters';
import { listConversations } from '@/lib/transcripts/list';

export type CaseGroup = 'filtered' | 'deep' | 'search' | 'info';
export type TranscriptCase = { name: string; group: CaseGroup; run: () => Promise<number> };
type Target = { id: string; key: string };

const PAGE = 50;
const DEEP_PAGE = 60;

const parse = (params: Record<string, string>) => transcriptFiltersSchema.parse(params);

function lib(name: string, group: CaseGroup, ws: string, filters: TranscriptFilters, cursor: string | null = null): TranscriptCase {
  return { name, group, run: async () => (await listConversations(ws, filters, cursor, PAGE)).data.length };
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function endpoint(group: CaseGroup, t: Target, params: Record<string, string>): TranscriptCase {
  const query = new URLSearchParams({ ...params, limit: String(PAGE) });
  return {
    name: `GET /v1/conversations?${query}`,
    group,
    run: async () => {
      const req = new NextRequest(`http://bench/v1/conversations?${query}`, { headers: { authorization: `Bearer ${t.key}` } });
      const res = await (conversationsRoute as Handler)(req, { params: Promise.resolve({}) });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET /v1/conversations answered ${res.status}: ${body.slice(0, 200)}`);
      return (JSON.parse(body) as { data: unknown[] }).data.length;
    },
  };
}

/**
 * The cursor of page `page` (or of the last page, when the list is shorter), found as a reader finds it:
 * following nextCursor from the first page.
 */
async function cursorOfPage(ws: string, filters: TranscriptFilters, page: number): Promise<{ cursor: string | null; page: number }> {
  let cursor: string | null = null;
  for (let i = 1; i < page; i++) {
    const next: string | null = (await listConversations(ws, filters, cursor, PAGE)).nextCursor;
    if (!next) return { cursor, page: i };
    cursor = next;
  }
  return { cursor, page };
}

/** A cursor at row `offset` of the unfiltered newest-first list (a client resuming far into it). */
async function cursorAtRow(ws: string, offset: number): Promise<string> {
  const [row] = await sql<{ key: string; id: string }[]>`
    SELECT started_at::text AS key, id FROM conversations WHERE workspace_id = ${ws}::uuid
    ORDER BY started_at DESC, id COLLATE "C" DESC OFFSET ${offset} LIMIT 1`;
  return encodeCursor({ key: row.key, id: row.id, sort: 'startedAt', order: 'desc', direction: 'next' });
}

/** The last 30 local days that hold data (the data may be older than today when it is reused). */
async function lastThirtyDays(ws: string): Promise<{ start: string; end: string }> {
  const [row] = await sql<{ start: string; end: string }[]>`
    SELECT ((max(c.started_at) AT TIME ZONE w.timezone)::date - 29)::text AS start, (max(c.started_at) AT TIME ZONE w.timezone)::date::text AS end
    FROM conversations c JOIN workspaces w ON w.id = c.workspace_id WHERE c.workspace_id = ${ws}::uuid GROUP BY w.timezone`;
  return row;
}

export async function transcriptCases(t: Target, conversations: number): Promise<TranscriptCase[]> {
  const ws = t.id;
  const days = await lastThirtyDays(ws);
  const main = { avatarId: 'avt_03', sentiment: 'negative', ...days };
  const order = `ORD-${String(Math.ceil(conversations / 2) + 13).padStart(7, '0')}`;
  const filteredDeep = parse({ avatarId: 'avt_03', sentiment: 'negative' });
  const bySentiment = parse({ sort: 'sentiment', order: 'asc' });
  const [deep, deepFiltered, deepSentiment, middle] = await Promise.all([
    cursorOfPage(ws, parse({}), DEEP_PAGE),
    cursorOfPage(ws, filteredDeep, DEEP_PAGE),
    cursorOfPage(ws, bySentiment, DEEP_PAGE),
    cursorAtRow(ws, Math.floor(conversations / 2)),
  ]);
  return [
    lib('first page, no filter (dashboard default)', 'info', ws, parse({})),
    lib('avatar + sentiment + 30 days', 'filtered', ws, parse(main)),
    endpoint('filtered', t, main),
    lib('avatar + sentiment + 30 days, by messages', 'filtered', ws, parse({ ...main, sort: 'messages' })),
    lib('least-used avatar + negative + escalated + 30 days', 'filtered', ws, parse({ ...days, avatarId: 'avt_20', sentiment: 'negative', escalated: 'true' })),
    lib('device + country + sentiment + 30 days', 'filtered', ws, parse({ ...days, device: 'tablet', country: 'DE', sentiment: 'negative' })),
    lib(`page ${deep.page}, no filter (cursor followed)`, 'deep', ws, parse({}), deep.cursor),
    lib(`page ${deepFiltered.page}, avatar + sentiment (cursor followed)`, 'deep', ws, filteredDeep, deepFiltered.cursor),
    lib(`page ${deepSentiment.page}, by sentiment (cursor followed)`, 'deep', ws, bySentiment, deepSentiment.cursor),
    lib(`row ${Math.floor(conversations / 2)}, no filter (far cursor)`, 'deep', ws, parse({}), middle),
    lib(`q=${order} (one conversation)`, 'search', ws, parse({ q: order })),
    endpoint('search', t, { q: order }),
    lib('q=chargeback (~1% of conversations)', 'search', ws, parse({ q: 'chargeback' })),
    lib('q=disappointed (~20%)', 'search', ws, parse({ q: 'disappointed' })),
    lib('q=chargeback + avatar + 30 days', 'search', ws, parse({ ...days, q: 'chargeback', avatarId: 'avt_03' })),
    lib('q=no-such-words (no match)', 'search', ws, parse({ q: 'no-such-words' })),
  ];
}
