import { describe, expect, test } from 'vitest';
import { colorClassOf, COLOR_CLASSES, toMapData } from './world-map';
import type { Breakdown } from './types';

const breakdown = (rows: [string, number][]): Breakdown => {
  const total = rows.reduce((s, [, n]) => s + n, 0);
  return { dimension: 'country', data: rows.map(([value, conversations]) => ({ value, label: value, conversations, share: conversations / total })) };
};

describe('toMapData', () => {
  const input = breakdown([['US', 40], ['DE', 25], ['unknown', 12], ['SG', 9], ['MT', 5], ['LU', 4], ['BH', 2], ['XK', 1], ['ZZ', 1]]);
  const map = toMapData(input);

  test('per-country counts and shares equal the country breakdown; unknown stays off the map', () => {
    const byCode = Object.fromEntries(map.countries.map((c) => [c.code, [c.conversations, c.share]]));
    for (const d of input.data.filter((d) => d.value !== 'unknown')) expect(byCode[d.value]).toEqual([d.conversations, d.share]);
    expect(map.countries).toHaveLength(input.data.length - 1);
    expect(map.unknown).toEqual({ conversations: 12, share: 12 / 99 });
    expect(map.located + map.unknown!.conversations).toBe(99);
  });

  test('atlas countries are shapes; microstates get markers at their coordinates; the rest are table-only', () => {
    const of = (code: string) => map.countries.find((c) => c.code === code)!;
    expect([of('US').shape, of('US').marker]).toEqual([true, null]);
    expect(of('XK').shape).toBe(true);
    for (const code of ['SG', 'MT', 'BH']) expect([of(code).shape, of(code).marker !== null]).toEqual([false, true]);
    expect(of('SG').marker).toEqual([103.82, 1.35]);
    expect([of('LU').shape, of('LU').marker !== null]).toEqual([true, true]);
    expect([of('ZZ').shape, of('ZZ').marker]).toEqual([false, null]);
  });

  test('colour classes run from fewest to most, and the legend covers every count once', () => {
    expect(map.countries.find((c) => c.code === 'US')!.colorClass).toBe(COLOR_CLASSES - 1);
    expect(map.countries.find((c) => c.code === 'XK')!.colorClass).toBe(0);
    for (const max of [1, 2, 3, 7, 40, 1001]) {
      const { legend } = toMapData(breakdown([['US', max]]));
      expect(legend[0].min).toBe(1);
      expect(legend.at(-1)!.max).toBe(max);
      for (let n = 1; n <= max; n++) {
        const band = legend.filter((b) => b.min <= n && n <= b.max);
        expect(band.map((b) => b.colorClass), `${n} of ${max}`).toEqual([colorClassOf(n, max)]);
      }
    }
  });

  test('no country at all: no countries, no legend', () => {
    const empty = toMapData(breakdown([['unknown', 3]]));
    expect([empty.countries, empty.located, empty.legend]).toEqual([[], 0, []]);
    expect(toMapData({ dimension: 'country', data: [] }).unknown).toBeNull();
  });
});
