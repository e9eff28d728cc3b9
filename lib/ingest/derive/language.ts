// Detects a conversation's language (ISO 639-1) from its user messages with eld.
import type { eld as Eld } from 'eld';

type Detector = typeof Eld;

// Fewer letters than this (e.g. "ok thanks") do not identify a language reliably.
const MIN_LETTERS = 12;
// A couple of paragraphs settle the language; more only costs time on long transcripts.
const MAX_SAMPLE_CHARS = 2_000;

let detector: Promise<Detector> | undefined;

function loadDetector(): Promise<Detector> {
  // eld's n-gram tables take ~0.5 s and ~70 MB to load, so they load on the first detection only.
  // 'medium' is eld's default size: better than 'small' on short chat lines, half of 'large'.
  detector ??= import('eld/medium').then(
    (module) => module.eld,
    (error: unknown) => {
      detector = undefined;
      throw error;
    },
  );
  return detector;
}

export async function detectLanguage(texts: string[]): Promise<string | null> {
  const sample = texts.join('\n').slice(0, MAX_SAMPLE_CHARS);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  const result = (await loadDetector()).detect(sample);
  return result.language && result.isReliable() ? result.language : null;
}
