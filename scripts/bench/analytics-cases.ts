/**
 * What the analytics benchmark times: each lib/analytics function, and each /v1 analytics endpoint through
 * its route handler with a real `read` key (auth, zod parsing and JSON included).
 */
import { NextRequest } from 'next/server';
import { GET as overviewRoute } from '@/app/v1/analytics/overview/route';
import { GET as conversationsRoute } from '@/app/v1/analytics/conversations/route';
import { GET as peakHoursRoute } from '@/app/v1/analytics/peak-hours/route';
import { GET as breakdownsRoute } from '@/app/v1/analytics/breakdowns/route';
import { GET as toolsRoute } from '@/app/v1/analytics/tools/route';
import { GET as sentimentRoute } from '@/app/v1/analytics/sentiment/route';
import { GET as avatarRoute } from '@/app/v1/avatars/[avatarId]/analytics/route';
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

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function endpoint(name: string, path: string, handler: Handler, params: Record<string, string> = {}): BenchCase {
  return {
    name: `GET ${path}`,
    run: async (t) => {
      const req = new NextRequest(`http://bench${path}`, { headers: { authorization: `Bearer ${t.key}` } });
      const res = await handler(req, { params: Promise.resolve(params) });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${name} answered ${res.status}: ${body.slice(0, 200)}`);
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

export const ENDPOINT_CASES: BenchCase[] = [
  endpoint('overview', '/v1/analytics/overview?period=30d', overviewRoute as Handler),
  endpoint('overview 24h', '/v1/analytics/overview?period=24h', overviewRoute as Handler),
  endpoint('overview 72h', '/v1/analytics/overview?period=72h', overviewRoute as Handler),
  endpoint('avatar', '/v1/avatars/avt_02/analytics?period=30d', avatarRoute as Handler, { avatarId: 'avt_02' }),
  endpoint('conversations', '/v1/analytics/conversations?groupBy=day&period=30d', conversationsRoute as Handler),
  endpoint('conversations hourly', '/v1/analytics/conversations?groupBy=hour&period=7d', conversationsRoute as Handler),
  endpoint('peak-hours', '/v1/analytics/peak-hours?period=30d', peakHoursRoute as Handler),
  endpoint('breakdowns', '/v1/analytics/breakdowns?dimension=country&period=30d', breakdownsRoute as Handler),
  endpoint('tools', '/v1/analytics/tools?period=30d', toolsRoute as Handler),
  endpoint('sentiment', '/v1/analytics/sentiment?period=30d', sentimentRoute as Handler),
];
