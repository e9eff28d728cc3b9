/**
 * Copyright 2018 Comcast Cable Communications Management, LLC
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 * http://www.apache.org/licenses/LICENSE-2.0
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 * Javascript port of vader sentiment analysis tool, source:
 *   Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for
 *   Sentiment Analysis of Social Media Text. Eighth International Conference on
 *   Weblogs and Social Media (ICWSM-14). Ann Arbor, MI, June 2014.
 *
 * Modified by Confab (2026): SentimentIntensityAnalyzer of vader-sentiment 1.1.3 as a TypeScript module;
 * same rules, constants and arithmetic (in the same order), with each word lower-cased once per text,
 * Set/Map lookups, and but_check and the punctuation counts done in one pass (see README.md).
 */
import {
  B_DECR, BOOSTER_DICT, C_INCR, N_SCALAR, NEGATE, SPECIAL_CASE_IDIOMS,
} from './constants';
import { LEXICON_LINES } from './lexicon';
import { allcapDifferential, getWordsAndEmoticons, isUpperPython } from './senti-text';

export type PolarityScores = { neg: number; neu: number; pos: number; compound: number };

let lexicon: Map<string, number> | undefined;

/** Built on first use, once per process: a later line for the same token wins, as in 1.1.3. */
function getLexicon(): Map<string, number> {
  if (!lexicon) {
    lexicon = new Map();
    for (const line of LEXICON_LINES) {
      const tab = line.indexOf('\t');
      lexicon.set(line.slice(0, tab), Number(line.slice(tab + 1)));
    }
  }
  return lexicon;
}

// 1.1.3's negated([word]) as never_check calls it: a negation word, or any word containing "n't".
const isNegation = (word: string) => NEGATE.has(word) || word.includes("n't");

/** Normalize the score to be between -1 and 1 using an alpha that approximates the max expected value. */
export function normalize(score: number, alpha = 15): number {
  const normScore = score / Math.sqrt(score * score + alpha);
  if (normScore < -1.0) return -1.0;
  if (normScore > 1.0) return 1.0;
  return normScore;
}

type Text = { words: string[]; lower: string[]; isCapDiff: boolean; lexicon: Map<string, number> };

/** Check if the preceding words increase, decrease, or negate/nullify the valence. */
function scalarIncDec(t: Text, at: number, valence: number): number {
  let scalar = 0.0;
  const booster = BOOSTER_DICT.get(t.lower[at]);
  if (booster !== undefined) {
    scalar = booster;
    if (valence < 0) scalar *= -1;
    // check if booster/dampener word is in ALLCAPS (while others aren't)
    if (t.isCapDiff && isUpperPython(t.words[at])) {
      if (valence > 0) scalar += C_INCR;
      else scalar -= C_INCR;
    }
  }
  return scalar;
}

function neverCheck(valence: number, words: string[], startI: number, index: number): number {
  if (startI === 0) {
    if (isNegation(words[index - 1])) valence = valence * N_SCALAR;
  }
  if (startI === 1) {
    if (words[index - 2] === 'never' && (words[index - 1] === 'so' || words[index - 1] === 'this')) {
      valence = valence * 1.5;
    } else if (isNegation(words[index - (startI + 1)])) {
      valence = valence * N_SCALAR;
    }
  }
  if (startI === 2) {
    if (
      (words[index - 3] === 'never' && (words[index - 2] === 'so' || words[index - 2] === 'this')) ||
      words[index - 1] === 'so' || words[index - 1] === 'this'
    ) {
      valence = valence * 1.25;
    } else if (isNegation(words[index - (startI + 1)])) {
      valence = valence * N_SCALAR;
    }
  }
  return valence;
}

// Only called with index >= 3 (from the third preceding word), so no sequence reaches before the text.
function idiomsCheck(valence: number, words: string[], index: number): number {
  const onezero = `${words[index - 1]} ${words[index]}`;
  const twoonezero = `${words[index - 2]} ${words[index - 1]} ${words[index]}`;
  const twoone = `${words[index - 2]} ${words[index - 1]}`;
  const threetwoone = `${words[index - 3]} ${words[index - 2]} ${words[index - 1]}`;
  const threetwo = `${words[index - 3]} ${words[index - 2]}`;

  for (const sequence of [onezero, twoonezero, twoone, threetwoone, threetwo]) {
    const idiom = SPECIAL_CASE_IDIOMS.get(sequence);
    if (idiom !== undefined) {
      valence = idiom;
      break;
    }
  }
  if (words.length - 1 > index) {
    const idiom = SPECIAL_CASE_IDIOMS.get(`${words[index]} ${words[index + 1]}`);
    if (idiom !== undefined) valence = idiom;
  }
  if (words.length - 1 > index + 1) {
    const idiom = SPECIAL_CASE_IDIOMS.get(`${words[index]} ${words[index + 1]} ${words[index + 2]}`);
    if (idiom !== undefined) valence = idiom;
  }
  // check for booster/dampener bi-grams such as 'sort of' or 'kind of'
  if (BOOSTER_DICT.has(threetwo) || BOOSTER_DICT.has(twoone)) valence = valence + B_DECR;
  return valence;
}

/** Check for negation case using "least". */
function leastCheck(valence: number, t: Text, index: number): number {
  const lower = t.lower;
  if (index > 1 && lower[index - 1] === 'least' && !t.lexicon.has(lower[index - 1])) {
    if (lower[index - 2] !== 'at' && lower[index - 2] !== 'very') valence = valence * N_SCALAR;
  } else if (index > 0 && lower[index - 1] === 'least' && !t.lexicon.has(lower[index - 1])) {
    valence = valence * N_SCALAR;
  }
  return valence;
}

function sentimentValence(t: Text, index: number): number {
  let valence = 0;
  const lexiconValence = t.lexicon.get(t.lower[index]);
  if (lexiconValence === undefined) return valence;
  // get the sentiment valence
  valence = lexiconValence;
  // check if sentiment laden word is in ALL CAPS (while others aren't)
  if (isUpperPython(t.words[index]) && t.isCapDiff) {
    if (valence > 0) valence += C_INCR;
    else valence -= C_INCR;
  }
  for (let startI = 0; startI < 3; startI++) {
    if (index > startI && !t.lexicon.has(t.lower[index - (startI + 1)])) {
      // dampen the scalar modifier of preceding words and emoticons (excluding the ones that
      // immediately preceed the item) based on their distance from the current item.
      let s = scalarIncDec(t, index - (startI + 1), valence);
      if (startI === 1 && s !== 0) s = s * 0.95;
      else if (startI === 2 && s !== 0) s = s * 0.9;
      valence = valence + s;
      valence = neverCheck(valence, t.words, startI, index);
      if (startI === 2) valence = idiomsCheck(valence, t.words, index);
    }
  }
  return leastCheck(valence, t, index);
}

/** Check for modification in sentiment due to contrastive conjunction 'but'. */
function butCheck(words: string[], sentiments: number[]): void {
  let butIndex = words.indexOf('but');
  if (butIndex === -1) butIndex = words.indexOf('BUT');
  if (butIndex === -1) return;
  for (let i = 0; i < sentiments.length; i++) {
    if (i < butIndex) sentiments[i] = sentiments[i] * 0.5;
    else if (i > butIndex) sentiments[i] = sentiments[i] * 1.5;
  }
}

function countChar(text: string, code: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) count++;
  return count;
}

/** Add emphasis from exclamation points (up to 4 of them) and question marks (2 or 3+). */
function punctuationEmphasis(text: string): number {
  // empirically derived mean sentiment intensity rating increase for exclamation points
  const epAmplifier = Math.min(countChar(text, 33), 4) * 0.292;
  const qmCount = countChar(text, 63);
  let qmAmplifier = 0;
  if (qmCount > 1) {
    // empirically derived mean sentiment intensity rating increase for question marks
    qmAmplifier = qmCount <= 3 ? qmCount * 0.18 : 0.96;
  }
  return epAmplifier + qmAmplifier;
}

function scoreValence(sentiments: number[], text: string): PolarityScores {
  if (sentiments.length === 0) return { neg: 0.0, neu: 0.0, pos: 0.0, compound: 0.0 };
  let sumS = 0;
  for (const sentiment of sentiments) sumS += sentiment;
  // compute and add emphasis from punctuation in text
  const punctEmphAmplifier = punctuationEmphasis(text);
  if (sumS > 0) sumS += punctEmphAmplifier;
  else if (sumS < 0) sumS -= punctEmphAmplifier;
  const compound = normalize(sumS);

  // discriminate between positive, negative and neutral sentiment scores
  let posSum = 0.0;
  let negSum = 0.0;
  let neuCount = 0;
  for (const sentiment of sentiments) {
    if (sentiment > 0) posSum += sentiment + 1; // compensates for neutral words that are counted as 1
    else if (sentiment < 0) negSum += sentiment - 1; // when used with math.fabs(), compensates for neutrals
    else neuCount += 1;
  }
  if (posSum > Math.abs(negSum)) posSum += punctEmphAmplifier;
  else if (posSum < Math.abs(negSum)) negSum -= punctEmphAmplifier;

  const total = posSum + Math.abs(negSum) + neuCount;
  return {
    neg: parseFloat(Math.abs(negSum / total).toFixed(3)),
    neu: parseFloat(Math.abs(neuCount / total).toFixed(3)),
    pos: parseFloat(Math.abs(posSum / total).toFixed(3)),
    compound: parseFloat(compound.toFixed(4)),
  };
}

/**
 * Return a float for sentiment strength based on the input text. Positive values are positive
 * valence, negative value are negative valence.
 */
export function polarityScores(text: string): PolarityScores {
  const words = getWordsAndEmoticons(text);
  const lower = words.map((word) => word.toLowerCase());
  const t: Text = { words, lower, isCapDiff: allcapDifferential(words), lexicon: getLexicon() };
  const sentiments: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if ((i < words.length - 1 && lower[i] === 'kind' && lower[i + 1] === 'of') || BOOSTER_DICT.has(lower[i])) {
      sentiments.push(0);
      continue;
    }
    sentiments.push(sentimentValence(t, i));
  }
  butCheck(words, sentiments);
  return scoreValence(sentiments, text);
}

/** Drop-in for the npm package's export. */
export const SentimentIntensityAnalyzer = { polarity_scores: polarityScores };
