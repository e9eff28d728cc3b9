import { expect, test } from 'vitest';
import { boundedCache } from './bounded-cache';

test('computes a key once, and starts afresh once full', () => {
  let computed = 0;
  const cached = boundedCache<string, number>(2);
  const get = (key: string) => cached(key, () => ++computed);
  expect([get('a'), get('a'), get('b'), get('b')]).toEqual([1, 1, 2, 2]);
  expect(get('c')).toBe(3); // full: emptied, then c
  expect(get('a')).toBe(4); // recomputed
  expect(get('c')).toBe(3);
});
