import { expect, test } from 'vitest';
import { labelSentiment, scoreSentiment } from './sentiment';

test('labels clearly positive and negative sentences', () => {
  const positive = scoreSentiment('I love this, thank you so much!');
  expect(positive.label).toBe('positive');
  expect(positive.score).toBeGreaterThan(0.5);

  const negative = scoreSentiment('This is terrible and useless');
  expect(negative.label).toBe('negative');
  expect(negative.score).toBeLessThan(-0.5);
});

test('labels factual sentences neutral', () => {
  expect(scoreSentiment('The package ships on Tuesday')).toEqual({ score: 0, label: 'neutral' });
  expect(scoreSentiment('My account ID is 4471').label).toBe('neutral');
  expect(scoreSentiment('')).toEqual({ score: 0, label: 'neutral' });
});

test('follows the VADER lexicon even where it surprises', () => {
  // "number" carries +0.3 valence in the VADER lexicon, so this reads as faintly positive.
  const score = scoreSentiment('The order number is 12345').score;
  expect(score).toBeCloseTo(0.0772, 4);
});

test('uses the exact thresholds at the edges', () => {
  expect(labelSentiment(0.05)).toBe('positive');
  expect(labelSentiment(-0.05)).toBe('negative');
  expect(labelSentiment(0.0499)).toBe('neutral');
  expect(labelSentiment(-0.0499)).toBe('neutral');
  expect(labelSentiment(0)).toBe('neutral');
});

test('stays fast on very long texts', () => {
  const long = 'The delivery was slow but the support team was great. '.repeat(20_000);
  const started = performance.now();
  expect(scoreSentiment(long).label).toBe('positive');
  expect(performance.now() - started).toBeLessThan(500);
});

test('stays fast on a long run of capitals (vader-sentiment 1.1.3 took about a minute here)', () => {
  const started = performance.now();
  expect(scoreSentiment(`${'A'.repeat(4_990)}a great`).label).toBe('positive');
  expect(performance.now() - started).toBeLessThan(100);
});
