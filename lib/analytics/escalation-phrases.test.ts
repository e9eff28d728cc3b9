import { expect, test } from 'vitest';
import { contentWords, recurringPhrases } from './escalation-phrases';

test('content words drop stop words, numbers, one-letter words and apostrophes', () => {
  expect(contentWords("I'm trying to cancel order #4417, it doesn't work!")).toEqual(['trying', 'cancel', 'order', 'work']);
  expect(contentWords('Größe ÄNDERN bitte')).toEqual(['größe', 'ändern', 'bitte']);
});

test('phrases count once per conversation, need two conversations, and longer phrases win ties', () => {
  const phrases = recurringPhrases([
    { conversationId: 'a', text: 'cancel subscription cancel subscription' },
    { conversationId: 'b', text: 'Please cancel my subscription now' },
    { conversationId: 'c', text: 'how to cancel?' },
    { conversationId: 'd', text: null },
  ]);
  expect(phrases).toEqual([
    { phrase: 'cancel', conversations: 3, conversationIds: ['a', 'b', 'c'] },
    { phrase: 'cancel subscription', conversations: 2, conversationIds: ['a', 'b'] },
  ]);
  expect(recurringPhrases([{ conversationId: 'a', text: 'unique words here' }])).toEqual([]);
});
