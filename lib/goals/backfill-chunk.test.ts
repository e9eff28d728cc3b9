import { expect, test } from 'vitest';
import { nextChunkSize } from './backfill';

test('back-fill chunks shrink when slow and grow when quick, within bounds', () => {
  expect(nextChunkSize(2000, 600)).toBe(1000);
  expect(nextChunkSize(1000, 600)).toBe(500);
  expect(nextChunkSize(120, 600)).toBe(100);
  expect(nextChunkSize(500, 100)).toBe(500);
  expect(nextChunkSize(500, 20)).toBe(1000);
  expect(nextChunkSize(1500, 20)).toBe(2000);
});
