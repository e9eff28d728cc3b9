/**
 * Texts on which the patched VADER (patches/vader-sentiment) is compared with the npm bundle, and timed:
 * demo phrases, every lexicon token, every booster/negation/idiom in context, and seeded random mixes of
 * punctuation, emoji, ALL CAPS, "but", emoticons, URLs, non-Latin text and odd whitespace.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ANGRY_LINES, DEMO_AVATARS, EMAIL_LINES, HAPPY_CLOSERS, SPANISH_CLOSERS } from '@/lib/demo/content';

// Word lists and lexicon come from the npm package itself, so that a slip in the patched copy's lists
// cannot also remove the texts that would show it.
const npmFile = (file: string) => readFileSync(createRequire(import.meta.url).resolve(`vader-sentiment/${file}`), 'utf8');

/** The quoted strings (or keys) of one `export const NAME = …;` of 1.1.3's src/vaderSentiment.js. */
export function npmVaderList(name: 'PUNC_LIST' | 'NEGATE' | 'BOOSTER_DICT' | 'SPECIAL_CASE_IDIOMS'): string[] {
  const source = npmFile('src/vaderSentiment.js');
  const start = source.indexOf(`export const ${name} =`);
  const isArray = name === 'PUNC_LIST' || name === 'NEGATE';
  const body = source.slice(source.indexOf(isArray ? '[' : '{', start) + 1, source.indexOf(isArray ? '];' : '};', start));
  const pattern = isArray ? /'([^']*)'|"([^"]*)"/g : /^\s+'?([^':]+)'?:/gm;
  return [...body.matchAll(pattern)].map((m) => m[1] ?? m[2]);
}

export const npmLexiconLines = () => npmFile('vader_lexicon.txt').split('\n').filter(Boolean);

const DEMO_PHRASES = [
  ...DEMO_AVATARS.flatMap((a) => [...a.openers, ...a.followUps, ...a.replies]),
  ...HAPPY_CLOSERS, ...ANGRY_LINES, ...EMAIL_LINES, ...SPANISH_CLOSERS,
];

const FIXED = [
  '', ' ', '  ', '\n', '\t\t', 'a', 'I', '!', '!!', '???', '?!?!', '...', ':)', ':-(', ':D', 'XD', '<3', '</3',
  '\u00a0good\u00a0', 'good\u2028bad', 'ＧＯＯＤ', 'good' + '!'.repeat(10), 'bad' + '?'.repeat(7),
  'https://example.com/path?q=good&x=bad#top', 'see http://t.co/abc :) or www.example.org/terrible!',
  'Привет, это ужасно', '这是一个很好的产品', 'هذا رائع جدا', 'こんにちは！最高です', '🙂🙂 great 😡 awful 👍',
  'not bad', 'not good', 'NOT GOOD', 'never so good', 'never this bad', 'at least good', 'very least good',
  'least good', 'kind of good', 'sort of bad', 'the shit', 'yeah right', 'cut the mustard', 'kiss of death',
  'good but bad', 'good BUT bad', 'Good But bad', 'but', "isn't good", "don't like it", 'without love',
  '__proto__ constructor toString hasOwnProperty good', '"good" \'bad\' (great) [awful] {nice}',
];

const EMOTICONS = [':)', ':(', ':-)', ':-(', ';)', ':D', ':P', ':-p', 'xD', '<3', '</3', ':/', ':\\', '\\o/', 'o/\\o', '( \'}{\' )', '^_^', 'T_T'];
const OTHER = [
  'https://example.com/a?b=c', 'www.example.org', 'jane.doe@example.com', '#hashtag', '@mention', '12345', '4471',
  '$49', '30%', 'Привет', 'ужасно', '很好', 'رائع', 'café', 'naïve', 'über', '🙂', '😡', '👍🏽', '🇫🇷', 'e\u0301',
];
const FRAMING = ['but', 'BUT', 'But', 'kind', 'of', 'least', 'at', 'very', 'never', 'so', 'this', 'the', 'and', 'not', 'no'];
const AFFIXES = [...npmVaderList('PUNC_LIST'), '(', ')', '*', '#', '@', '...', '!?', '?!', '..', '--', "'s", ')!', '!)', '"!', '_', '~'];
const SEPARATORS = [' ', ' ', ' ', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', ', ', '. ', '! ', '? ', ' - '];

/** mulberry32: a small seeded generator, so that every run builds the same corpus. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, pick };
}

export function buildVaderCorpus(size = 24_000, seed = 16): string[] {
  const { next, pick } = seeded(seed);
  const lexiconTokens = npmLexiconLines().map((line) => line.slice(0, line.indexOf('\t')));
  const boosters = npmVaderList('BOOSTER_DICT');
  const negations = npmVaderList('NEGATE');
  const idioms = npmVaderList('SPECIAL_CASE_IDIOMS');
  const phraseWords = DEMO_PHRASES.flatMap((p) => p.split(' '));
  const pools = [lexiconTokens, lexiconTokens, boosters, negations, FRAMING, EMOTICONS, OTHER, phraseWords, phraseWords];

  const decorate = (word: string): string => {
    const r = next();
    let w = r < 0.15 ? word.toUpperCase() : r < 0.25 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    if (next() < 0.2) w = pick(AFFIXES) + w;
    if (next() < 0.25) w += pick(AFFIXES);
    return w;
  };
  const sentence = (words: number) => {
    let text = '';
    for (let i = 0; i < words; i++) text += (i ? pick(SEPARATORS) : '') + decorate(pick(pick(pools)));
    if (next() < 0.2) text += pick(['!', '!!!', '?', '??', '????', '!?', ' :)', ' :(']);
    return text;
  };

  const corpus = [...FIXED, ...DEMO_PHRASES, ...DEMO_PHRASES.map((p) => p.toUpperCase())];
  for (const token of lexiconTokens) corpus.push(token, `${pick(FRAMING)} ${decorate(token)} ${pick(phraseWords)}`);
  for (const booster of boosters) corpus.push(`${booster} good`, `${booster.toUpperCase()} bad stuff`, `it is ${booster} not that great`);
  for (const negation of negations) corpus.push(`${negation} good`, `${negation} very nice`, `${negation} the really bad`);
  for (const idiom of idioms) {
    corpus.push(idiom, `this is ${idiom}`, `so ${idiom} indeed`, `${idiom.toUpperCase()} man`, `we all said ${idiom} twice`);
  }
  for (let i = 0; corpus.length < size - 20; i++) {
    if (i % 4 === 0) {
      const mixed = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(DEMO_PHRASES)).join(pick(SEPARATORS));
      corpus.push(mixed.split(' ').map((w) => (next() < 0.2 ? decorate(w) : w)).join(' '));
    } else {
      corpus.push(sentence(1 + Math.floor(next() * (next() < 0.9 ? 25 : 120))));
    }
  }
  while (corpus.length < size) corpus.push(sentence(600 + Math.floor(next() * 400)).slice(0, 5_000));
  return corpus;
}
