/**
 * `npm run bench -- sentiment [--size N] [--rounds R]`: µs per message of VADER as the npm bundle
 * (vader-sentiment 1.1.3) and as the patched copy in patches/vader-sentiment, on the same corpus
 * (test/vader-corpus.ts). In-process by nature: it times a library, not the server; no database needed.
 * Rounds alternate between the two so that load from other work hits both alike; the best round counts.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { polarityScores, type PolarityScores } from '@/patches/vader-sentiment';
import { buildVaderCorpus } from '@/test/vader-corpus';
import { machineLine } from './_stats';

const { values } = parseArgs({ options: { size: { type: 'string', default: '24000' }, rounds: { type: 'string', default: '5' } } });
const original = (createRequire(import.meta.url)('vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): PolarityScores };
}).SentimentIntensityAnalyzer.polarity_scores;

const corpus = buildVaderCorpus(Number(values.size));
const short = corpus.filter((text) => text.length <= 200);
const long = corpus.filter((text) => text.length > 1_000);
const meanLength = (texts: string[]) => texts.reduce((sum, t) => sum + t.length, 0) / texts.length;

function microsPerMessage(score: (text: string) => PolarityScores, texts: string[]): number {
  let sink = 0;
  const started = process.hrtime.bigint();
  for (const text of texts) sink += score(text).compound;
  const elapsed = Number(process.hrtime.bigint() - started) / 1_000;
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return elapsed / texts.length;
}

function bestOf(texts: string[]): { original: number; patched: number } {
  const best = { original: Infinity, patched: Infinity };
  for (let round = 0; round < Number(values.rounds); round++) {
    best.original = Math.min(best.original, microsPerMessage(original, texts));
    best.patched = Math.min(best.patched, microsPerMessage(polarityScores, texts));
  }
  return best;
}

const differing = corpus.filter((text) => JSON.stringify(original(text)) !== JSON.stringify(polarityScores(text))).length;
console.log(machineLine());
console.log(`corpus: ${corpus.length} texts, ${differing} scored differently by the two`);
for (const [name, texts] of [['all texts', corpus], ['texts ≤ 200 chars', short], ['texts > 1,000 chars', long]] as const) {
  const { original: before, patched: after } = bestOf(texts);
  console.log(
    `${name} (${texts.length}, mean ${meanLength(texts).toFixed(0)} chars): npm bundle ${before.toFixed(1)} µs/message, ` +
      `patched ${after.toFixed(1)} µs/message (${(before / after).toFixed(1)}× faster)`,
  );
}
