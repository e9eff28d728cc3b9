import { expect, test } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { timeBuckets } from './buckets';
import { planRange } from './plan';
import { isDayAligned, previousRange, resolveRange } from './range';

const NOW = new Date('2024-11-05T15:30:00Z'); // Tue 10:30 EST
const NY = 'America/New_York';
const iso = (r: { start: Date; end: Date }) => [r.start.toISOString(), r.end.toISOString()];

function detailsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    return { status: e.status, paths: e.details?.map((d) => d.path) };
  }
  throw new Error('expected a validation error');
}

test('periods: hours up to the end of the current hour, days and weeks as whole local days up to today', () => {
  expect(iso(resolveRange({ period: '24h' }, NY, NOW))).toEqual(['2024-11-04T16:00:00.000Z', '2024-11-05T16:00:00.000Z']);
  expect(iso(resolveRange({ period: '1d' }, NY, NOW))).toEqual(['2024-11-05T05:00:00.000Z', '2024-11-06T05:00:00.000Z']);
  expect(iso(resolveRange({ period: '7d' }, NY, NOW))).toEqual(['2024-10-30T04:00:00.000Z', '2024-11-06T05:00:00.000Z']);
  expect(iso(resolveRange({ period: '2w' }, NY, NOW))).toEqual(['2024-10-23T04:00:00.000Z', '2024-11-06T05:00:00.000Z']);
  expect(iso(resolveRange({}, 'UTC', NOW))).toEqual(['2024-10-07T00:00:00.000Z', '2024-11-06T00:00:00.000Z']);
  expect(resolveRange({ period: '7d' }, 'Not/AZone', NOW).timezone).toBe('UTC');
});

test('start/end are local dates with an inclusive end', () => {
  expect(iso(resolveRange({ start: '2024-11-03', end: '2024-11-03' }, NY, NOW))).toEqual(['2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z']);
  expect(iso(resolveRange({ start: '2024-05-01', end: '2024-05-31' }, 'Asia/Kolkata', NOW))).toEqual(['2024-04-30T18:30:00.000Z', '2024-05-31T18:30:00.000Z']);
});

test('invalid ranges are 422 naming the parameter', () => {
  expect(detailsOf(() => resolveRange({ period: '30x' }, NY, NOW))).toEqual({ status: 422, paths: ['period'] });
  expect(detailsOf(() => resolveRange({ period: '0d' }, NY, NOW))).toEqual({ status: 422, paths: ['period'] });
  expect(detailsOf(() => resolveRange({ period: '800d' }, NY, NOW))).toEqual({ status: 422, paths: ['period'] });
  expect(detailsOf(() => resolveRange({ start: '2024-11-05', end: '2024-11-01' }, NY, NOW))).toEqual({ status: 422, paths: ['end'] });
  expect(detailsOf(() => resolveRange({ start: '2024-02-30', end: '2024-03-01' }, NY, NOW))).toEqual({ status: 422, paths: ['start'] });
  expect(detailsOf(() => resolveRange({ start: '2024-11-01' }, NY, NOW))).toEqual({ status: 422, paths: ['end'] });
  expect(detailsOf(() => resolveRange({ end: '2024-11-01' }, NY, NOW))).toEqual({ status: 422, paths: ['start'] });
  expect(detailsOf(() => resolveRange({ start: '2020-01-01', end: '2024-01-01' }, NY, NOW))).toEqual({ status: 422, paths: ['end'] });
  expect(detailsOf(() => resolveRange({ period: '7d', start: '2024-11-01', end: '2024-11-02' }, NY, NOW))).toEqual({ status: 422, paths: ['period'] });
});

test('the previous period: the same number of local days, or of hours', () => {
  const week = resolveRange({ period: '7d' }, NY, NOW);
  expect(isDayAligned(week)).toBe(true);
  expect(iso(previousRange(week))).toEqual(['2024-10-23T04:00:00.000Z', '2024-10-30T04:00:00.000Z']);
  // The week containing the DST change is 169 hours long; the one before it 168.
  expect(iso(previousRange(resolveRange({ start: '2024-11-04', end: '2024-11-10' }, NY, NOW)))).toEqual(['2024-10-28T04:00:00.000Z', '2024-11-04T05:00:00.000Z']);
  const day = resolveRange({ period: '24h' }, NY, NOW);
  expect(isDayAligned(day)).toBe(false);
  expect(iso(previousRange(day))).toEqual(['2024-11-03T16:00:00.000Z', '2024-11-04T16:00:00.000Z']);
});

test('range plans: whole local days from the daily tier, edge hours from the hourly one', () => {
  const plan = planRange(resolveRange({ period: '48h' }, NY, NOW));
  expect(plan.days).toEqual({ first: '2024-11-04', last: '2024-11-04', hourStart: new Date('2024-11-04T05:00:00Z'), hourEnd: new Date('2024-11-05T05:00:00Z') });
  expect(plan.hourSpans.map(iso)).toEqual([
    ['2024-11-03T16:00:00.000Z', '2024-11-04T05:00:00.000Z'],
    ['2024-11-05T05:00:00.000Z', '2024-11-05T16:00:00.000Z'],
  ]);
  const week = planRange(resolveRange({ period: '7d' }, NY, NOW));
  expect(week.days).toMatchObject({ first: '2024-10-30', last: '2024-11-05' });
  expect(week.hourSpans).toEqual([]);
  const short = planRange(resolveRange({ period: '3h' }, NY, NOW));
  expect([short.days, short.hourSpans.map(iso)]).toEqual([null, [['2024-11-05T13:00:00.000Z', '2024-11-05T16:00:00.000Z']]]);
  // Kolkata (+05:30): a local day is counted as the UTC hours starting in it, 19:00Z to 19:00Z.
  const kolkata = planRange(resolveRange({ start: '2024-05-01', end: '2024-05-01' }, 'Asia/Kolkata', NOW));
  expect([kolkata.hourStart, kolkata.hourEnd, kolkata.hourSpans]).toEqual([new Date('2024-04-30T19:00:00Z'), new Date('2024-05-01T19:00:00Z'), []]);
});

test('time buckets cover the range without gaps and refuse too many hours', () => {
  const week = planRange(resolveRange({ period: '7d' }, NY, NOW));
  expect(timeBuckets(week, 'day').map((b) => b.key)).toEqual(['2024-10-30', '2024-10-31', '2024-11-01', '2024-11-02', '2024-11-03', '2024-11-04', '2024-11-05']);
  expect(timeBuckets(week, 'hour')).toHaveLength(7 * 24 + 1);
  expect(timeBuckets(planRange(resolveRange({ period: '24h' }, NY, NOW)), 'day').map((b) => b.date)).toEqual(['2024-11-04T00:00:00-05:00', '2024-11-05T00:00:00-05:00']);
  expect(detailsOf(() => timeBuckets(planRange(resolveRange({ period: '365d' }, NY, NOW)), 'hour'))).toEqual({ status: 422, paths: ['groupBy'] });
});
