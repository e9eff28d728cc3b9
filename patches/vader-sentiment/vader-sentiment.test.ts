// The patched VADER must score exactly as the npm package it replaces (vader-sentiment 1.1.3).
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { buildVaderCorpus, npmLexiconLines, npmVaderList } from '@/test/vader-corpus';
import { BOOSTER_DICT, NEGATE, PUNC_LIST, SPECIAL_CASE_IDIOMS } from './constants';
import { polarityScores, type PolarityScores } from './index';
import { LEXICON_LINES } from './lexicon';
import { getWordsAndEmoticons, isUpperPython } from './senti-text';

const require = createRequire(import.meta.url);
const original = (require('vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): PolarityScores };
}).SentimentIntensityAnalyzer;

// 1.1.3's SentiText.get_words_plus_punc + get_words_and_emoticons, verbatim but for the types.
function originalWordsAndEmoticons(text: string): string[] {
  const noPuncText = text.slice(0).replace(/[!"#$%&'()*+,-./:;<=>?@[\\\]^_`{|}~]/g, '');
  const wordsOnly = noPuncText.split(/\s/).filter((word) => word.length > 1);
  const wordsPuncDict: Record<string, string> = {};
  for (const punc of PUNC_LIST) {
    for (const word of wordsOnly) {
      wordsPuncDict[`${punc}${word}`] = word;
      wordsPuncDict[`${word}${punc}`] = word;
    }
  }
  const tokens = text.split(/\s/).filter((token) => token.length > 1);
  for (let i = 0; i < tokens.length; i++) {
    if (Object.prototype.hasOwnProperty.call(wordsPuncDict, tokens[i])) tokens[i] = wordsPuncDict[tokens[i]];
  }
  return tokens;
}

const corpus = buildVaderCorpus();
const originalScores = corpus.map((text) => original.polarity_scores(text));

test('the corpus is large and varied', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(20_000);
  expect(new Set(corpus).size).toBeGreaterThan(19_000);
  const scored = originalScores.map((scores) => scores.compound);
  expect(scored.filter((c) => c > 0.05).length).toBeGreaterThan(3_000);
  expect(scored.filter((c) => c < -0.05).length).toBeGreaterThan(3_000);
  expect(scored.filter((c) => c === 0).length).toBeGreaterThan(1_000);
});

test('tokenizes every text of the corpus exactly as 1.1.3', () => {
  const differing = corpus.filter((text) => JSON.stringify(getWordsAndEmoticons(text)) !== JSON.stringify(originalWordsAndEmoticons(text)));
  expect(differing).toEqual([]);
});

test('scores every text of the corpus exactly as the npm bundle (compound, pos, neu, neg)', () => {
  const differing = corpus
    .map((text, i) => ({ text, patched: polarityScores(text), original: originalScores[i] }))
    .filter(({ patched, original }) =>
      patched.compound !== original.compound || patched.pos !== original.pos || patched.neu !== original.neu || patched.neg !== original.neg);
  expect(differing).toEqual([]);
  expect(Object.keys(polarityScores('good'))).toEqual(Object.keys(original.polarity_scores('good')));
});

test('ships the lexicon and word lists of the npm package', () => {
  expect(LEXICON_LINES).toEqual(npmLexiconLines().map((line) => line.split('\t').slice(0, 2).join('\t')));
  expect([...PUNC_LIST]).toEqual(npmVaderList('PUNC_LIST'));
  expect([...NEGATE]).toEqual(npmVaderList('NEGATE'));
  expect([...BOOSTER_DICT.keys()]).toEqual(npmVaderList('BOOSTER_DICT'));
  expect([...SPECIAL_CASE_IDIOMS.keys()]).toEqual(npmVaderList('SPECIAL_CASE_IDIOMS'));
});

test('isupper in the Python sense, in linear time', () => {
  expect(['GOOD', ':)WORD', 'A1', 'ÉA'].map(isUpperPython)).toEqual([true, true, true, true]);
  expect(['Good', ':)', '', '123', 'É', 'GOOd'].map(isUpperPython)).toEqual([false, false, false, false, false, false]);
  const started = performance.now();
  expect(polarityScores(`${'A'.repeat(5_000)}a great`).compound).toBe(original.polarity_scores('x great').compound);
  expect(performance.now() - started).toBeLessThan(50);
});
