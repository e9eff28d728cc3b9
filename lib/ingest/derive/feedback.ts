// Reads the feedback clients send on the end call (or in metadata.feedback) as a label and a 1–5 rating.
export type FeedbackLabel = 'positive' | 'negative' | 'neutral';
export type Feedback = { feedback: FeedbackLabel | null; rating: number | null };

const WORDS: Record<string, FeedbackLabel> = {
  positive: 'positive',
  thumbs_up: 'positive',
  thumbsup: 'positive',
  up: 'positive',
  good: 'positive',
  '👍': 'positive',
  negative: 'negative',
  thumbs_down: 'negative',
  thumbsdown: 'negative',
  down: 'negative',
  bad: 'negative',
  '👎': 'negative',
  neutral: 'neutral',
};

function fromRating(rating: number): Feedback {
  if (!Number.isFinite(rating) || rating < 1 || rating > 5) return { feedback: null, rating: null };
  const feedback = rating >= 4 ? 'positive' : rating <= 2 ? 'negative' : 'neutral';
  return { feedback, rating };
}

function fromScalar(value: unknown): Feedback {
  if (typeof value === 'boolean') return { feedback: value ? 'positive' : 'negative', rating: null };
  if (typeof value === 'number') return fromRating(value);
  if (typeof value !== 'string') return { feedback: null, rating: null };
  const word = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  // Form fields and query strings deliver ratings as text ("4").
  if (/^\d+(\.\d+)?$/.test(word)) return fromRating(Number(word));
  return { feedback: WORDS[word] ?? null, rating: null };
}

export function parseFeedback(value: unknown): Feedback {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fromScalar(value);
  const { rating, value: label } = value as { rating?: unknown; value?: unknown };
  const fromLabel = fromScalar(label);
  const rated = fromScalar(rating);
  // An explicit label wins over the one implied by the rating; the rating is kept either way.
  return { feedback: fromLabel.feedback ?? rated.feedback, rating: rated.rating ?? fromLabel.rating };
}
