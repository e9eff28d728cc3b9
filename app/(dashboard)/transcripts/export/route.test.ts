/**
 * The dashboard export with hostile filter values. COPY takes no bind parameters, so every filter value
 * is written into the SQL as a quoted literal: quotes, backslashes and unusual Unicode must select exactly
 * the rows they name, and values no literal can hold get the API's error shape, never a 500.
 */
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { closeDb } from '@/db';
import { insertUser, upsertMembership } from '@/db/queries/accounts';
import { completeGoal, seedConversation } from '@/lib/transcripts/test-data';
import { createTestWorkspace, uniqueEmail } from '@/test/factories';
import { parseCsv, parseCsvRecords } from '@/test/parse-csv';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }), headers: async () => new Headers() }));

const { GET } = await import('./route');

afterAll(closeDb);

const SOURCE_QUOTES = `it's "quoted", isn't it`;
const SOURCE_BACKSLASH = String.raw`back\slash \' and \\ E'x'`;
const CUSTOMER_EMOJI = '👩🏽‍💻 cust 🇺🇦';
const CUSTOMER_RTL = 'עברית \u200fمرحبا\u200e عميل';
const AVATAR_COMPOSED = 'caf\u00e9';
const AVATAR_DECOMPOSED = 'cafe\u0301';
const SEARCH = String.raw`50% off_ "deal" \ it's`;
const GOAL = String.raw`goal '" \ x`;

const exportUrl = (query: string) => new NextRequest(`http://test/transcripts/export${query ? `?${query}` : ''}`);
const qs = (params: Record<string, string>) => Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
const csvOf = async (query: string) => {
  const res = await GET(exportUrl(query));
  expect(res.status, query).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return res.text();
};

let all: Record<string, string>[];

beforeAll(async () => {
  const ws = (await createTestWorkspace()).id;
  const user = await insertUser({ email: uniqueEmail(), name: 'Exporter', passwordHash: 'x' });
  await upsertMembership(ws, user.id, 'member');
  session.userId = user.id;
  const at = (h: number) => `2024-03-01T${String(h).padStart(2, '0')}:00:00Z`;
  await seedConversation(ws, { id: 'quotes', startedAt: at(1), source: SOURCE_QUOTES, messages: [['user', 'plain', 1]] });
  await seedConversation(ws, { id: 'quotes-prefix', startedAt: at(2), source: `${SOURCE_QUOTES}!`, messages: [['user', 'plain', 1]] });
  await seedConversation(ws, { id: 'backslash', startedAt: at(3), source: SOURCE_BACKSLASH, messages: [['user', 'plain', 1]] });
  await seedConversation(ws, { id: 'backslash-unescaped', startedAt: at(4), source: String.raw`back\slash ' and \ E'x'`, messages: [['user', 'plain', 1]] });
  await seedConversation(ws, { id: 'emoji', startedAt: at(5), customerId: CUSTOMER_EMOJI, messages: [['user', `hi ${CUSTOMER_EMOJI}`, 1]] });
  await seedConversation(ws, { id: 'rtl', startedAt: at(6), customerId: CUSTOMER_RTL, messages: [['user', CUSTOMER_RTL, 1]] });
  await seedConversation(ws, { id: 'composed', avatarId: AVATAR_COMPOSED, startedAt: at(7), messages: [['user', 'é', 1]] });
  await seedConversation(ws, { id: 'decomposed', avatarId: AVATAR_DECOMPOSED, startedAt: at(8), messages: [['user', 'e\u0301', 1]] });
  await seedConversation(ws, { id: 'search-hit', startedAt: at(9), messages: [['user', `Is the ${SEARCH}?`, 1], ['assistant', 'Yes', 2]] });
  // Would match if % or _ in the search were wildcards, or the backslash an escape.
  await seedConversation(ws, { id: 'search-miss', startedAt: at(10), messages: [['user', `50% offX "deal"  it's`, 1]] });
  await seedConversation(ws, { id: 'goal-hit', startedAt: at(11), messages: [['user', 'done', 1]] });
  await completeGoal(ws, 'goal-hit', GOAL);
  all = parseCsvRecords(await csvOf(''));
  expect(all).toHaveLength(11);
});

test.each([
  ['source with quotes and a comma', { source: SOURCE_QUOTES }, (r: Record<string, string>) => r.source === SOURCE_QUOTES, ['quotes']],
  ['source with backslashes and \\\'', { source: SOURCE_BACKSLASH }, (r: Record<string, string>) => r.source === SOURCE_BACKSLASH, ['backslash']],
  ['customer id with emoji (ZWJ, skin tone, flag)', { customerId: CUSTOMER_EMOJI }, (r: Record<string, string>) => r.customer_id === CUSTOMER_EMOJI, ['emoji']],
  ['customer id with RTL text and direction marks', { customerId: CUSTOMER_RTL }, (r: Record<string, string>) => r.customer_id === CUSTOMER_RTL, ['rtl']],
  ['avatar id with a precomposed é', { avatarId: AVATAR_COMPOSED }, (r: Record<string, string>) => r.avatar_id === AVATAR_COMPOSED, ['composed']],
  ['avatar id with a combining accent', { avatarId: AVATAR_DECOMPOSED }, (r: Record<string, string>) => r.avatar_id === AVATAR_DECOMPOSED, ['decomposed']],
  ['search with % _ " \\ and \'', { q: SEARCH }, (r: Record<string, string>) => r.first_user_message.includes(SEARCH), ['search-hit']],
  ['goal id with quotes and a backslash', { goal: GOAL }, (r: Record<string, string>) => r.id === 'goal-hit', ['goal-hit']],
])('%s selects exactly its rows, cells intact', async (_name, filter, matches, ids) => {
  const text = await csvOf(qs(filter));
  const [header] = parseCsv(text);
  expect(header).toEqual(Object.keys(all[0]));
  const rows = parseCsvRecords(text);
  expect(rows.map((r) => r.id)).toEqual(ids);
  // The rows and every cell as the unfiltered export has them.
  expect(rows).toEqual(all.filter(matches));
});

test('message exports take the same hostile search', async () => {
  const rows = parseCsvRecords(await csvOf(qs({ q: SEARCH, rows: 'messages' })));
  expect(rows.map((r) => [r.conversation_id, r.role, r.content])).toEqual([
    ['search-hit', 'user', `Is the ${SEARCH}?`],
    ['search-hit', 'assistant', 'Yes'],
  ]);
});

test('a repeated parameter uses its first value', async () => {
  const rows = parseCsvRecords(await csvOf(`${qs({ source: SOURCE_QUOTES })}&${qs({ source: SOURCE_BACKSLASH })}`));
  expect(rows.map((r) => r.id)).toEqual(['quotes']);
});

test('values no filter can hold get the API error shape with a 4xx', async () => {
  const cases: [string, number][] = [
    ['q=%00', 422], ['source=a%00b', 422], ['avatarId=%00', 422], ['customerId=x%00', 422], ['goal=%00', 422], ['avatar=%00', 422],
    [`q=ok&q=${encodeURIComponent('x\u0000')}`, 422],
    [qs({ q: 'x'.repeat(5000) }), 422], ['limit=-1', 422], ['limit=NaN', 422], ['limit=1e308', 422], ['rows=everything', 422],
    ['start=2024-02-30', 422], ['period=99999d', 422], ['sort=id', 422], ['escalated=maybe', 422],
  ];
  for (const [query, status] of cases) {
    const res = await GET(exportUrl(query));
    expect(res.status, query).toBe(status);
    const body = await res.json();
    expect(body, query).toEqual({ error: { code: 'validation_error', message: 'Invalid filters', details: expect.any(Array) } });
  }
});

test('an encoded lone surrogate is invalid UTF-8: it reads as U+FFFD, plain text that matches nothing here', async () => {
  // Next re-encodes the URL before the handler runs, so this is all a browser or curl can send.
  for (const query of ['q=%ED%A0%80', 'source=%ED%B0%80x', 'q=%E0%A4%A']) {
    expect(parseCsvRecords(await csvOf(query)), query).toEqual([]);
  }
});

test('signed out, the export is a 401 in the same shape', async () => {
  const userId = session.userId;
  session.userId = null;
  try {
    const res = await GET(exportUrl('q=%00'));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign in to export transcripts' } });
  } finally {
    session.userId = userId;
  }
});
