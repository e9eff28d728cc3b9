import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { apiGet } from '@/test/api-get';
import { routeParams } from '@/test/api-request';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { MARCH, seedFunnelDataset } from '@/test/funnels-dataset';
import { createFunnel, type Funnel } from '@/lib/funnels/service';
import { GET as funnelAnalytics } from './[id]/route';

afterAll(closeDb);

let readKey: string;
let funnel: Funnel;

beforeAll(async () => {
  const ws = await createTestWorkspace('Funnel analytics');
  const { goalId } = await seedFunnelDataset(ws.id);
  funnel = await createFunnel(
    ws.id,
    {
      name: 'Search to lead',
      steps: [
        { type: 'conversation_started' },
        { type: 'user_messages', count: 2 },
        { type: 'tool', name: 'search_kb' },
        { type: 'event', name: 'checkout', properties: { plan: 'pro' } },
        { type: 'goal', goalId, label: 'Lead' },
      ],
    },
    {},
  );
  readKey = await createTestApiKey(ws.id, ['read']);
});

const get = (query: string, key = readKey, id = funnel.id) => funnelAnalytics(apiGet(`/v1/analytics/funnels/${id}?${query}`, key), routeParams({ id }));

test('GET /v1/analytics/funnels/{id} answers the counts worked out by hand (see lib/funnels/report.test.ts)', async () => {
  const res = await get(MARCH);
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body.funnel).toEqual({ id: funnel.id, name: 'Search to lead', avatarId: null, steps: funnel.steps });
  expect(body.period).toEqual({ start: '2025-03-01T00:00:00.000Z', end: '2025-04-01T00:00:00.000Z', timezone: 'UTC' });
  expect(body.steps.map((s: { label: string }) => s.label)).toEqual(['Conversation started', '2+ user messages', 'Tool search_kb', 'Event checkout (plan = "pro")', 'Lead']);
  expect(body.steps.map((s: { conversations: number }) => s.conversations)).toEqual([6, 5, 4, 3, 2]);
  expect(body.steps.map((s: { dropOff: number | null }) => s.dropOff)).toEqual([null, 1, 1, 1, 1]);
  expect(body.steps[4]).toMatchObject({ index: 4, type: 'goal', conversionFromPrevious: 2 / 3, conversionFromStart: 2 / 6 });

  const avatarB = await (await get(`${MARCH}&avatarId=avt_b`)).json();
  expect(avatarB.steps.map((s: { conversations: number }) => s.conversations)).toEqual([2, 1, 1, 1, 0]);
  const february = await (await get('start=2025-02-01&end=2025-02-28')).json();
  expect(february.steps.map((s: { conversations: number }) => s.conversations)).toEqual([1, 1, 1, 1, 1]);
});

test('the range parameters follow the other analytics endpoints: 422 naming the parameter', async () => {
  const paths = async (query: string) => {
    const res = await get(query);
    expect(res.status).toBe(422);
    return (await res.json()).error.details.map((d: { path: string }) => d.path);
  };
  expect(await paths('period=7x')).toEqual(['period']);
  expect(await paths('start=2025-03-01')).toEqual(['end']);
  expect(await paths('start=2025-03-10&end=2025-03-01')).toEqual(['end']);
  expect(await paths('period=30d&start=2025-03-01&end=2025-03-02')).toEqual(['period']);
  // The default is the last 30 days, which hold none of the dataset.
  const recent = await get('');
  expect(recent.status).toBe(200);
  expect((await recent.json()).steps.map((s: { conversations: number }) => s.conversations)).toEqual([0, 0, 0, 0, 0]);
});

test('unknown and other workspaces’ funnels are 404; the read scope is needed', async () => {
  expect((await get(MARCH, readKey, 'fnl_missing')).status).toBe(404);
  const other = await createTestWorkspace();
  const otherKey = await createTestApiKey(other.id, ['read', 'admin']);
  const res = await get(MARCH, otherKey);
  expect(res.status).toBe(404);
  expect((await res.json()).error.code).toBe('not_found');
  const ingestOnly = await createTestApiKey(other.id, ['ingest']);
  expect((await get(MARCH, ingestOnly)).status).toBe(403);
  expect((await get(MARCH, '')).status).toBe(401);
});
