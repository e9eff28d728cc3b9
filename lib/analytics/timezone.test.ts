import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { isoLocal, localDate, mondayOf, startOfLocalDay, weekdayOf } from './timezone';

afterAll(closeDb);

test('local midnight across DST changes, in zones with fractional offsets and where midnight is skipped', () => {
  expect(startOfLocalDay('2024-11-03', 'America/New_York').toISOString()).toBe('2024-11-03T04:00:00.000Z');
  expect(startOfLocalDay('2024-11-04', 'America/New_York').toISOString()).toBe('2024-11-04T05:00:00.000Z');
  expect(startOfLocalDay('2024-03-10', 'America/New_York').toISOString()).toBe('2024-03-10T05:00:00.000Z');
  expect(startOfLocalDay('2024-03-11', 'America/New_York').toISOString()).toBe('2024-03-11T04:00:00.000Z');
  expect(startOfLocalDay('2024-05-01', 'Asia/Kolkata').toISOString()).toBe('2024-04-30T18:30:00.000Z');
  expect(startOfLocalDay('2024-05-01', 'Asia/Kathmandu').toISOString()).toBe('2024-04-30T18:15:00.000Z');
  // Chile skips 00:00–01:00 when DST starts: the day begins at 01:00 local = 04:00Z.
  expect(startOfLocalDay('2024-09-08', 'America/Santiago').toISOString()).toBe('2024-09-08T04:00:00.000Z');
  expect(startOfLocalDay('2024-06-01', 'UTC').toISOString()).toBe('2024-06-01T00:00:00.000Z');
});

test('ISO labels carry the offset in force', () => {
  expect(isoLocal(new Date('2024-11-03T05:00:00Z'), 'America/New_York')).toBe('2024-11-03T01:00:00-04:00');
  expect(isoLocal(new Date('2024-11-03T06:00:00Z'), 'America/New_York')).toBe('2024-11-03T01:00:00-05:00');
  expect(isoLocal(new Date('2024-04-30T18:30:00Z'), 'Asia/Kolkata')).toBe('2024-05-01T00:00:00+05:30');
  expect(isoLocal(new Date('2024-06-01T00:00:00Z'), 'UTC')).toBe('2024-06-01T00:00:00+00:00');
});

test('weekdays and week starts', () => {
  expect(weekdayOf('2024-11-04')).toBe(0);
  expect(weekdayOf('2024-11-03')).toBe(6);
  expect(mondayOf('2024-11-03')).toBe('2024-10-28');
});

test('local dates agree with the database for every hour of a year in several zones', async () => {
  const zones = ['America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Europe/London', 'Pacific/Chatham'];
  for (const zone of zones) {
    const rows = await sql<{ hour: Date; day: string }[]>`
      SELECT h AS hour, (h AT TIME ZONE ${zone})::date::text AS day
      FROM generate_series('2024-01-01T00:00:00Z'::timestamptz, '2024-12-31T23:00:00Z'::timestamptz, interval '1 hour') h`;
    const mismatches = rows.filter((r) => localDate(r.hour, zone) !== r.day);
    expect(mismatches, zone).toEqual([]);
  }
});
