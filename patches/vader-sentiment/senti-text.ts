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
 * Modified by Confab (2026): SentiText of vader-sentiment 1.1.3 with a tokenizer that yields the same
 * tokens without building the table of punctuation-plus-word strings per text; is_upper_python without
 * a regular expression (see README.md).
 */
import { PUNC_LIST, REGEX_REMOVE_PUNCTUATION } from './constants';

const STRIPPED = new Uint8Array(128).map((_, code) => (REGEX_REMOVE_PUNCTUATION.test(String.fromCharCode(code)) ? 1 : 0));

const isStripped = (code: number) => code < 128 && STRIPPED[code] === 1;

function hasStripped(token: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isStripped(token.charCodeAt(i))) return true;
  return false;
}

/**
 * 1.1.3 maps `p + w` and `w + p` to `w` for every p in PUNC_LIST and every word w (longer than one
 * character) of the text with all punctuation removed. Such a w holds no punctuation, so a token is a key
 * exactly when its whole run of leading (or trailing) punctuation is in PUNC_LIST and the rest holds no
 * punctuation and is longer than one character; that rest is then a word of the text (the same token
 * with its punctuation removed), which is what the table would have returned.
 */
function stripPuncList(token: string): string {
  const length = token.length;
  if (isStripped(token.charCodeAt(0))) {
    let start = 1;
    while (start < length && isStripped(token.charCodeAt(start))) start++;
    if (length - start > 1 && PUNC_LIST.has(token.slice(0, start)) && !hasStripped(token, start, length)) {
      return token.slice(start);
    }
    return token;
  }
  if (isStripped(token.charCodeAt(length - 1))) {
    let end = length - 1;
    while (end > 0 && isStripped(token.charCodeAt(end - 1))) end--;
    if (end > 1 && PUNC_LIST.has(token.slice(end)) && !hasStripped(token, 0, end)) return token.slice(0, end);
  }
  return token;
}

/**
 * Removes leading and trailing punctuation, leaves contractions and most emoticons; does not preserve
 * punc-plus-letter emoticons (e.g. :D). Same output as 1.1.3's SentiText.get_words_and_emoticons.
 */
export function getWordsAndEmoticons(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s/)) {
    if (token.length > 1) words.push(stripPuncList(token));
  }
  return words;
}

/**
 * Python style "isupper": at least one A–Z and no a–z, so an emoticon such as :) is not uppercase but
 * ':)WORD' is (1.1.3 tests /^[^a-z]*[A-Z]+[^a-z]*$/, which backtracks quadratically on long tokens).
 */
export function isUpperPython(word: string): boolean {
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) upper = true;
  }
  return upper;
}

/** Check whether just some words in the input are ALL CAPS. */
export function allcapDifferential(words: readonly string[]): boolean {
  let allcapWords = 0;
  for (const word of words) if (isUpperPython(word)) allcapWords += 1;
  const capDifferential = words.length - allcapWords;
  return capDifferential > 0 && capDifferential < words.length;
}
