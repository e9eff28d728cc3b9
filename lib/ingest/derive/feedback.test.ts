import { expect, test } from 'vitest';
import { parseFeedback } from './feedback';

const none = { feedback: null, rating: null };

test('reads label words, case- and separator-insensitively', () => {
  for (const word of ['positive', 'thumbs_up', 'Thumbs-Up', 'thumbsup', 'up', 'GOOD', ' good ', '👍']) {
    expect(parseFeedback(word), word).toEqual({ feedback: 'positive', rating: null });
  }
  for (const word of ['negative', 'thumbs_down', 'thumbs down', 'down', 'bad', 'Bad', '👎']) {
    expect(parseFeedback(word), word).toEqual({ feedback: 'negative', rating: null });
  }
  expect(parseFeedback('neutral')).toEqual({ feedback: 'neutral', rating: null });
});

test('reads booleans as thumbs up or down', () => {
  expect(parseFeedback(true)).toEqual({ feedback: 'positive', rating: null });
  expect(parseFeedback(false)).toEqual({ feedback: 'negative', rating: null });
});

test('reads 1–5 ratings: 4 and up positive, 2 and down negative, 3 neutral', () => {
  expect(parseFeedback(5)).toEqual({ feedback: 'positive', rating: 5 });
  expect(parseFeedback(4)).toEqual({ feedback: 'positive', rating: 4 });
  expect(parseFeedback(3)).toEqual({ feedback: 'neutral', rating: 3 });
  expect(parseFeedback(2)).toEqual({ feedback: 'negative', rating: 2 });
  expect(parseFeedback(1)).toEqual({ feedback: 'negative', rating: 1 });
  expect(parseFeedback('4')).toEqual({ feedback: 'positive', rating: 4 });
});

test('rejects ratings outside 1–5', () => {
  for (const rating of [0, 6, -1, 10, Number.NaN, Number.POSITIVE_INFINITY, '0', '7']) {
    expect(parseFeedback(rating), String(rating)).toEqual(none);
  }
});

test('reads objects with a rating, a value and a comment', () => {
  expect(parseFeedback({ rating: 5, comment: 'Great help' })).toEqual({ feedback: 'positive', rating: 5 });
  expect(parseFeedback({ value: 'thumbs_down', comment: 'Did not answer' })).toEqual({ feedback: 'negative', rating: null });
  expect(parseFeedback({ value: 'positive', rating: 2 })).toEqual({ feedback: 'positive', rating: 2 });
  expect(parseFeedback({ value: true })).toEqual({ feedback: 'positive', rating: null });
  expect(parseFeedback({ rating: 9, value: 'meh' })).toEqual(none);
  expect(parseFeedback({ comment: 'no rating given' })).toEqual(none);
});

test('anything else gives nulls', () => {
  for (const value of [null, undefined, '', 'excellent', 'yes please', [], ['positive'], () => 'positive', Symbol('up'), {}]) {
    expect(parseFeedback(value), String(typeof value)).toEqual(none);
  }
});
