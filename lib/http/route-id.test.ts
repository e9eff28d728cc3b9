import { expect, test } from 'vitest';
import { routeIdOrNull } from './route-id';

test('a segment is decoded once into an id', () => {
  expect(routeIdOrNull('e2e-refund')).toBe('e2e-refund');
  expect(routeIdOrNull(encodeURIComponent('c,1 "x" é/€'))).toBe('c,1 "x" é/€');
  expect(routeIdOrNull('50%2525')).toBe('50%25');
});

test('segments that could not name an id are null', () => {
  for (const segment of ['', '%00', 'a%00b', '%ED%A0%80', '%E0%A4%A', '%', '%0A', encodeURIComponent('x'.repeat(201)), 'x'.repeat(5000)]) {
    expect(routeIdOrNull(segment), segment.slice(0, 20)).toBeNull();
  }
});
