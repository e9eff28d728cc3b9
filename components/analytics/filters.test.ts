import { expect, test } from 'vitest';
import { filtersToQuery, granularityOptions, parseDashboardFilters, withKnownAvatar } from './filters';

test('an empty URL means the last 30 days by day, all avatars', () => {
  expect(parseDashboardFilters({})).toEqual({ filters: { period: '30d', start: null, end: null, avatarId: null, groupBy: 'day' }, notice: null });
});

test('presets, avatar and granularity are read from the URL and written back the same way', () => {
  const { filters } = parseDashboardFilters({ period: '7d', avatarId: 'support-bot', groupBy: 'week' });
  expect(filters).toMatchObject({ period: '7d', avatarId: 'support-bot', groupBy: 'week' });
  expect(filtersToQuery(filters)).toBe('?period=7d&avatarId=support-bot&groupBy=week');
  expect(filtersToQuery(filters, { avatar: false })).toBe('?period=7d&groupBy=week');
});

test('24 hours defaults to hourly buckets; hourly is refused for long ranges', () => {
  expect(parseDashboardFilters({ period: '24h' }).filters.groupBy).toBe('hour');
  expect(filtersToQuery(parseDashboardFilters({ period: '24h' }).filters)).toBe('?period=24h');
  expect(parseDashboardFilters({ period: '90d', groupBy: 'hour' }).filters.groupBy).toBe('day');
  expect(granularityOptions(parseDashboardFilters({ period: '90d' }).filters)).toEqual(['day', 'week', 'month']);
});

test('a custom range wins over a period, and a bad one falls back with a notice', () => {
  const custom = parseDashboardFilters({ period: '7d', start: '2025-03-01', end: '2025-03-31' });
  expect(custom.filters).toMatchObject({ period: null, start: '2025-03-01', end: '2025-03-31' });
  expect(filtersToQuery(custom.filters)).toBe('?start=2025-03-01&end=2025-03-31');

  const reversed = parseDashboardFilters({ start: '2025-03-31', end: '2025-03-01' });
  expect(reversed.filters).toMatchObject({ period: '30d', start: null, end: null });
  expect(reversed.notice).toMatch(/not valid/);
  expect(parseDashboardFilters({ start: '2025-02-30', end: '2025-03-01' }).filters.period).toBe('30d');
  expect(parseDashboardFilters({ start: '2020-01-01', end: '2025-01-01' }).notice).toMatch(/two years/);
});

test('junk values are ignored rather than failing the page', () => {
  const { filters } = parseDashboardFilters({ period: '13d', groupBy: 'year', avatarId: ['a', 'b'] });
  expect(filters).toMatchObject({ period: '30d', groupBy: 'day', avatarId: 'a' });
});

test('an avatar of another workspace is dropped with a notice', () => {
  const parsed = withKnownAvatar(parseDashboardFilters({ avatarId: 'theirs' }), [{ id: 'mine' }]);
  expect(parsed.filters.avatarId).toBeNull();
  expect(parsed.notice).toMatch(/no avatar “theirs”/);
});

test('unreadable filters are dropped with a notice naming them; repeated ones use the first value', () => {
  const parsed = parseDashboardFilters({ period: '13d', groupBy: ['year', 'day'], avatarId: 'a\u0000', start: '2025-01-01' });
  expect(parsed.filters).toMatchObject({ period: '30d', groupBy: 'day', avatarId: null });
  expect(parsed.notice).toBe('Some filters in this link were not valid (period, avatarId, groupBy), so they are left out.');
  expect(parseDashboardFilters({ avatarId: '\ud800' }).filters.avatarId).toBeNull();
  expect(parseDashboardFilters({ avatarId: 'x'.repeat(5000) }).notice).toMatch(/avatarId/);
  expect(parseDashboardFilters({ period: '', groupBy: ' ' }).notice).toBeNull();
  expect(parseDashboardFilters({ period: ['7d', '24h'] }).filters.period).toBe('7d');
});
