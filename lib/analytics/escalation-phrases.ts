/**
 * Recurring words and phrases in the last user messages before escalations: 1- to 3-word n-grams after
 * stop-word removal, counted once per conversation, so a team sees what its avatar keeps failing at.
 */
import { boundedCache } from '@/lib/bounded-cache';

/** English function words, chat filler and politeness that say nothing about what failed. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can ' +
    'cannot could did do does doing don down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ' +
    'ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they ' +
    'this those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves im ive id ill youre dont doesnt didnt cant wont isnt arent wasnt please thanks thank ok okay hi ' +
    'hello hey yes yeah also still get got want need like really would could just one'
  ).split(' '),
);

export type PhraseInput = { conversationId: string; text: string | null };
export type Phrase = { phrase: string; conversations: number; conversationIds: string[] };

const MAX_N = 3;
const EXAMPLES = 5;

/** Lower-cased word tokens without stop words, numbers or one-letter words ("I'm" → "im"). */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().normalize('NFKC').replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (w) => w.length > 1 && !/^\p{N}+$/u.test(w) && !STOP_WORDS.has(w),
  );
}

function ngrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let n = 1; n <= MAX_N; n++) for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** The n-grams of texts seen lately: each render of a range's escalations reads mostly the same messages. */
const gramsByText = boundedCache<string, Set<string>>(5000);
const gramsOf = (text: string) => gramsByText(text, () => ngrams(contentWords(text)));

/**
 * Phrases found in at least `minCount` conversations, most conversations first, longer phrases before shorter
 * at equal counts. A phrase inside a longer one found in the same conversations is left out (it says less).
 */
export function recurringPhrases(inputs: PhraseInput[], { limit = 10, minCount = 2 }: { limit?: number; minCount?: number } = {}): Phrase[] {
  const found = new Map<string, string[]>();
  for (const { conversationId, text } of inputs) {
    if (!text) continue;
    for (const gram of gramsOf(text)) {
      const ids = found.get(gram);
      if (ids) ids.push(conversationId);
      else found.set(gram, [conversationId]);
    }
  }
  const frequent = [...found].filter(([, ids]) => ids.length >= minCount);
  const words = (p: string) => p.split(' ').length;
  // Only a phrase found in as many conversations can subsume another: compare within those groups.
  const byCount = new Map<number, { padded: string; words: number }[]>();
  for (const [phrase, ids] of frequent) {
    const group = byCount.get(ids.length) ?? [];
    group.push({ padded: ` ${phrase} `, words: words(phrase) });
    byCount.set(ids.length, group);
  }
  const subsumed = (phrase: string, ids: string[]) => {
    const [padded, n] = [` ${phrase} `, words(phrase)];
    return byCount.get(ids.length)!.some((other) => other.words > n && other.padded.includes(padded));
  };
  return frequent
    .filter(([phrase, ids]) => !subsumed(phrase, ids))
    .sort(([a, x], [b, y]) => y.length - x.length || words(b) - words(a) || a.localeCompare(b))
    .slice(0, limit)
    .map(([phrase, ids]) => ({ phrase, conversations: ids.length, conversationIds: ids.slice(0, EXAMPLES) }));
}
