/**
 * The change of a KPI against the previous period of equal length: relative for counts and durations,
 * in percentage points for rates, and explicit about a zero or missing previous value.
 */
import type { Change } from '@/lib/analytics/change';

export { computeChange, type Change, type ChangeKind } from '@/lib/analytics/change';
/** Which direction is good news: colours follow it (green good, red bad, grey when it is neither). */
export type Better = 'up' | 'down' | 'neither';

export type ChangeView = { arrow: '↑' | '↓' | ''; text: string; tone: 'good' | 'bad' | 'neutral'; spoken: string };

/** How a change reads on a card, e.g. "↑ 12.5%" in green, with a sentence for screen readers. */
export function describeChange(change: Change, better: Better): ChangeView {
  switch (change.kind) {
    case 'none':
      return { arrow: '', text: 'no comparison', tone: 'neutral', spoken: 'No comparison with the previous period' };
    case 'same':
      return { arrow: '', text: 'no change', tone: 'neutral', spoken: 'No change from the previous period' };
    case 'new':
      return { arrow: '↑', text: 'new', tone: better === 'down' ? 'bad' : better === 'up' ? 'good' : 'neutral', spoken: 'Up from zero in the previous period' };
  }
  const up = change.value > 0;
  const magnitude = Math.abs(change.value);
  const text =
    change.kind === 'points'
      ? `${magnitude.toFixed(1)} pts`
      : `${magnitude >= 10 ? Math.round(magnitude * 100).toLocaleString('en') : (magnitude * 100).toFixed(magnitude < 0.1 ? 1 : 0)}%`;
  const tone = better === 'neither' ? 'neutral' : up === (better === 'up') ? 'good' : 'bad';
  const unit = change.kind === 'points' ? 'percentage points' : '';
  return {
    arrow: up ? '↑' : '↓',
    text,
    tone,
    spoken: `${up ? 'Up' : 'Down'} ${change.kind === 'points' ? `${magnitude.toFixed(1)} ${unit}` : text} from the previous period`,
  };
}
