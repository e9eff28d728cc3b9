/**
 * What the analytics benchmark times: each lib/analytics function (in-process, the library alone), and each
 * /v1 analytics endpoint over HTTP against the production server with a real `read` key (auth, zod parsing,
 * JSON and the HTTP exchange included).
 */
import {
  benchOverviewData,
  getBreakdown,
  getOverview,
  getOverviewWithComparison,
  getPeakHours,
  getSentiment,
  getTimeSeries,
  getToolUsage,
  resolveFilter,
  type AnalyticsFilter,
} from '@/lib/analytics';

export type BenchTarget = { id: string; key: string };
export type BenchCase = { name: string; run: (target: BenchTarget) => Promise<unknown> };

const PERIOD = '30d';

/** Filters are resolved once per workspace (the timezone lookup is part of every endpoint case instead). */
const filters = new Map<string, Promise<AnalyticsFilter>>();
const filterOf = (id: string, period = PERIOD) => {
  const key = `${id}|${period}`;
  if (!filters.has(key)) filters.set(key, resolveFilter(id, { period }));
  return filters.get(key)!;
};

function endpoint(baseUrl: string, path: string): BenchCase {
  return {
    name: `GET ${path}`,
    run: async (t) => {
      const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${t.key}` } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${body.slice(0, 200)}`);
      return body;
    },
  };
}

const lib = (name: string, run: (id: string, filter: AnalyticsFilter) => Promise<unknown>, period = PERIOD): BenchCase => ({
  name,
  run: async (t) => run(t.id, await filterOf(t.id, period)),
});

export const LIB_CASES: BenchCase[] = [
  lib('getOverview 30d', (id, f) => getOverview(id, f)),
  lib('getOverviewWithComparison 30d', (id, f) => getOverviewWithComparison(id, f)),
  lib('getTimeSeries day 30d', (id, f) => getTimeSeries(id, f, 'day')),
  lib('getTimeSeries hour 7d', (id, f) => getTimeSeries(id, f, 'hour'), '7d'),
  lib('getPeakHours 30d', (id, f) => getPeakHours(id, f)),
  lib('getBreakdown device 30d', (id, f) => getBreakdown(id, f, 'device')),
  lib('getBreakdown country 30d', (id, f) => getBreakdown(id, f, 'country')),
  lib('getBreakdown avatar 30d', (id, f) => getBreakdown(id, f, 'avatar')),
  lib('getToolUsage 30d', (id, f) => getToolUsage(id, f)),
  lib('getSentiment 30d', (id, f) => getSentiment(id, f)),
  lib('getOverview 24h', (id, f) => getOverview(id, f), '24h'),
  lib('getOverview 72h (whole days + edge hours)', (id, f) => getOverview(id, f), '72h'),
  lib('getOverview 90d', (id, f) => getOverview(id, f), '90d'),
  lib('getOverview avt_03 72h', (id, f) => getOverview(id, { ...f, avatarId: 'avt_03' }), '72h'),
  lib('getOverview avt_03 30d', (id, f) => getOverview(id, { ...f, avatarId: 'avt_03' })),
  lib('getBreakdown country avt_03 30d', (id, f) => getBreakdown(id, { ...f, avatarId: 'avt_03' }, 'country')),
  lib('benchOverviewData 30d (page)', (id, f) => benchOverviewData(id, f)),
];

/** The /v1 analytics endpoints, over HTTP to the server at `baseUrl`. */
export const endpointCases = (baseUrl: string): BenchCase[] =>
  [
    '/v1/analytics/overview?period=30d',
    '/v1/analytics/overview?period=24h',
    '/v1/analytics/overview?period=72h',
    '/v1/avatars/avt_02/analytics?period=30d',
    '/v1/analytics/conversations?groupBy=day&period=30d',
    '/v1/analytics/conversations?groupBy=hour&period=7d',
    '/v1/analytics/peak-hours?period=30d',
    '/v1/analytics/breakdowns?dimension=country&period=30d',
    '/v1/analytics/tools?period=30d',
    '/v1/analytics/sentiment?period=30d',
  ].map((path) => endpoint(baseUrl, path));
