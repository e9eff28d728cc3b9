/** Small status pills shared by the transcript list and viewer. */
const tone = {
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  gray: 'bg-gray-50 text-gray-600 ring-gray-500/20',
  red: 'bg-red-50 text-red-700 ring-red-600/20',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  indigo: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20',
};

export function Badge({ color, children, title }: { color: keyof typeof tone; children: React.ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone[color]}`}>
      {children}
    </span>
  );
}

type Sentiment = { score: number; label: 'positive' | 'neutral' | 'negative' } | null;

export function SentimentBadge({ sentiment }: { sentiment: Sentiment }) {
  if (!sentiment) return <span className="text-xs text-gray-400">—</span>;
  const color = sentiment.label === 'positive' ? 'green' : sentiment.label === 'negative' ? 'red' : 'gray';
  return (
    <Badge color={color} title={`Score ${sentiment.score.toFixed(2)}`}>
      {sentiment.label[0].toUpperCase() + sentiment.label.slice(1)}
    </Badge>
  );
}

export function OutcomeBadges({ escalated, goalReached }: { escalated: boolean; goalReached: boolean }) {
  return (
    <span className="flex gap-1">
      {escalated ? <Badge color="amber">Escalated</Badge> : null}
      {goalReached ? <Badge color="indigo">Goal</Badge> : null}
    </span>
  );
}
