// Scores text with VADER's compound score and labels it by the thresholds of DESIGN §3.
// VADER is the patched copy of vader-sentiment 1.1.3 in patches/vader-sentiment: the same scores, without
// the per-message table of punctuation-plus-word strings that made the npm tokenizer half of ingest CPU.
import { polarityScores } from '@/patches/vader-sentiment';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';
export type Sentiment = { score: number; label: SentimentLabel };

// VADER's cost grows with length, and it runs once per user message inside the ingest call; the opening
// 5,000 characters set a message's tone (and keep scores as they were before the patched copy).
const MAX_ANALYSED_CHARS = 5_000;

export function labelSentiment(score: number): SentimentLabel {
  if (score >= 0.05) return 'positive';
  if (score <= -0.05) return 'negative';
  return 'neutral';
}

export function scoreSentiment(text: string): Sentiment {
  const score = polarityScores(text.slice(0, MAX_ANALYSED_CHARS)).compound;
  return { score, label: labelSentiment(score) };
}
