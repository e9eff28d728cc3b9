// Scores text with VADER's compound score and labels it by the thresholds of DESIGN §3.
import { createRequire } from 'node:module';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';
export type Sentiment = { score: number; label: SentimentLabel };

type Vader = {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
};

// VADER's cost grows with length (~1 ms per 1,000 characters, worse with many "but"s), and it runs
// once per user message inside the ingest call; the opening 5,000 characters set a message's tone.
const MAX_ANALYSED_CHARS = 5_000;

let vader: Vader | undefined;

export function labelSentiment(score: number): SentimentLabel {
  if (score >= 0.05) return 'positive';
  if (score <= -0.05) return 'negative';
  return 'neutral';
}

export function scoreSentiment(text: string): Sentiment {
  // Required on first use: the package ships no types, and parsing its lexicon is start-up cost.
  vader ??= createRequire(import.meta.url)('vader-sentiment') as Vader;
  const score = vader.SentimentIntensityAnalyzer.polarity_scores(text.slice(0, MAX_ANALYSED_CHARS)).compound;
  return { score, label: labelSentiment(score) };
}
