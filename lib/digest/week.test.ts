import { describe, expect, test } from 'vitest';
import { digestWeekStarting, dueDigestWeek, latestDigestWeek } from './week';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

describe('Monday 09:00 local, across time zones and DST', () => {
  test('Europe/Berlin, the week that ends with the spring change (last Sunday of March): 167 hours, sent at 09:00 CEST', () => {
    const week = digestWeekStarting('2025-03-24', 'Europe/Berlin');
    expect(iso(week.range.start)).toBe('2025-03-23T23:00:00.000Z'); // Mon 24 Mar 00:00 CET
    expect(iso(week.range.end)).toBe('2025-03-30T22:00:00.000Z'); // Mon 31 Mar 00:00 CEST
    expect(iso(week.sendAt)).toBe('2025-03-31T07:00:00.000Z');
    // The Monday before the change is still CET.
    expect(iso(digestWeekStarting('2025-03-17', 'Europe/Berlin').sendAt)).toBe('2025-03-24T08:00:00.000Z');
  });

  test('Europe/Berlin, the week that ends with the autumn change (last Sunday of October): 169 hours, sent at 09:00 CET', () => {
    const week = digestWeekStarting('2025-10-20', 'Europe/Berlin');
    expect(iso(week.range.start)).toBe('2025-10-19T22:00:00.000Z');
    expect(iso(week.range.end)).toBe('2025-10-26T23:00:00.000Z');
    expect(iso(week.sendAt)).toBe('2025-10-27T08:00:00.000Z');
    expect(iso(digestWeekStarting('2025-10-13', 'Europe/Berlin').sendAt)).toBe('2025-10-20T07:00:00.000Z');
  });

  test('America/New_York switches on the second Sunday of March: 09:00 EST then 09:00 EDT', () => {
    expect(iso(digestWeekStarting('2025-02-24', 'America/New_York').sendAt)).toBe('2025-03-03T14:00:00.000Z');
    expect(iso(digestWeekStarting('2025-03-03', 'America/New_York').sendAt)).toBe('2025-03-10T13:00:00.000Z');
    expect(iso(digestWeekStarting('2025-10-27', 'America/New_York').sendAt)).toBe('2025-11-03T14:00:00.000Z');
  });

  test('Asia/Kolkata (+05:30, no DST): 03:30 UTC', () => {
    const week = digestWeekStarting('2025-01-06', 'Asia/Kolkata');
    expect(iso(week.range.start)).toBe('2025-01-05T18:30:00.000Z');
    expect(iso(week.sendAt)).toBe('2025-01-13T03:30:00.000Z');
  });

  test('the latest week: before Monday 09:00 local it is still the week before', () => {
    expect(latestDigestWeek(new Date('2025-03-31T06:59:00Z'), 'Europe/Berlin').weekStart).toBe('2025-03-17');
    expect(latestDigestWeek(new Date('2025-03-31T07:00:00Z'), 'Europe/Berlin').weekStart).toBe('2025-03-24');
    // Sunday evening in New York is already Monday in UTC.
    expect(latestDigestWeek(new Date('2025-03-10T03:00:00Z'), 'America/New_York').weekStart).toBe('2025-02-24');
  });

  test('due from Monday 09:00 local for 24 hours, then skipped', () => {
    const berlin = (at: string) => dueDigestWeek(new Date(at), 'Europe/Berlin')?.weekStart ?? null;
    expect(berlin('2025-03-31T06:59:59Z')).toBeNull();
    expect(berlin('2025-03-31T07:00:00Z')).toBe('2025-03-24');
    expect(berlin('2025-04-01T06:59:59Z')).toBe('2025-03-24');
    expect(berlin('2025-04-01T07:00:00Z')).toBeNull();
    expect(berlin('2025-10-27T07:59:59Z')).toBeNull();
    expect(berlin('2025-10-27T08:00:00Z')).toBe('2025-10-20');
  });

  test('one instant, three zones: only the zone whose Monday 09:00 has come is due', () => {
    const at = new Date('2025-01-13T03:30:00Z');
    expect(dueDigestWeek(at, 'Asia/Kolkata')?.weekStart).toBe('2025-01-06');
    expect(dueDigestWeek(at, 'Europe/Berlin')).toBeNull();
    expect(dueDigestWeek(at, 'America/New_York')).toBeNull();
    expect(dueDigestWeek(new Date('2025-01-13T14:00:00Z'), 'America/New_York')?.weekStart).toBe('2025-01-06');
    expect(dueDigestWeek(new Date('2025-01-13T14:00:00Z'), 'Asia/Kolkata')?.weekStart).toBe('2025-01-06');
  });
});
